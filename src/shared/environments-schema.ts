// The environment id's zod schema (main, core and the CLI parse with it; the renderer and preload never load zod).
import { z } from 'zod';
import { environmentIds } from './environments';

/** Zod schema for an environment id. */
export const environmentIdSchema = z.enum(environmentIds);
