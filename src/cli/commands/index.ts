import type { Command } from '../command';
import { certCommand } from './cert';
import { environmentsCommand } from './environments';
import { profileCommand } from './profile';
import { scopesCommand } from './scopes';
import { verifyCommand } from './verify';

/** Every `gcw` command, in help order. Features add theirs here. */
export const commands: Command[] = [certCommand, profileCommand, scopesCommand, verifyCommand, environmentsCommand];
