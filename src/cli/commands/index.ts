import type { Command } from '../command';
import { environmentsCommand } from './environments';

/** Every `gcw` command, in help order. Features add theirs here. */
export const commands: Command[] = [environmentsCommand];
