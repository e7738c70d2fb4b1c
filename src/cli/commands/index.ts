import type { Command } from '../command';
import { certCommand } from './cert';
import { environmentsCommand } from './environments';

/** Every `gcw` command, in help order. Features add theirs here. */
export const commands: Command[] = [certCommand, environmentsCommand];
