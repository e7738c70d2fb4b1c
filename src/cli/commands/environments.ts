import { environments } from '../../core/connections/environments';
import { environmentLabels } from '../../shared/environments';
import { type Command, parseFlags } from '../command';
import { EXIT_OK } from '../exit-codes';
import { printJson } from '../output';

/** `gcw environments`: the sign-in, Graph and admin-center hosts of each Microsoft cloud. */
export const environmentsCommand: Command = {
  usage: 'Usage: gcw environments [--json]',
  run(args, io, globals) {
    parseFlags(args, {}, false);
    const rows = Object.values(environments).map((e) => ({ ...e, label: environmentLabels[e.id] }));
    if (globals.json) {
      printJson(io, { environments: rows });
      return EXIT_OK;
    }
    for (const e of rows) {
      io.out(
        `${e.label} (${e.id})\n  sign-in:      https://${e.loginHost}\n  Graph:        https://${e.graphHost}\n  admin center: https://${e.entraAdminHost}\n`,
      );
    }
    io.out(
      'Custom: give your own https sign-in and Graph hosts with --login-host and --graph-host where a command accepts them.\n',
    );
    return EXIT_OK;
  },
};
