import type { Command } from '../command';
import { appCommand } from './app';
import { certCommand } from './cert';
import { environmentsCommand } from './environments';
import { profileCommand } from './profile';
import { recordCommand } from './record';
import { consentUrlCommand } from './consent-url';
import { scopesCommand } from './scopes';
import { signinCommand } from './signin';
import { tokenCommand } from './token';
import { verifyCommand } from './verify';

/** Every `gcw` command, in help order. Features add theirs here. */
export const commands: Command[] = [certCommand, profileCommand, scopesCommand, verifyCommand, recordCommand, signinCommand, consentUrlCommand, tokenCommand, environmentsCommand, appCommand];
