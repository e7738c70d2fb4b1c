import type { Command } from '../command';
import { environmentsCommand } from './environments';
import { profileCommand } from './profile';
import { consentUrlCommand } from './consent-url';
import { scopesCommand } from './scopes';
import { signinCommand } from './signin';
import { tokenCommand } from './token';

/** Every `gcw` command, in help order. Features add theirs here. */
export const commands: Command[] = [environmentsCommand, profileCommand, scopesCommand, signinCommand, consentUrlCommand, tokenCommand];
