import { adminConsentLinkForAdmin } from '../../core/signin/admin-consent';
import { type Command, parseFlags, UsageError } from '../command';
import { EXIT_OK } from '../exit-codes';
import { printJson } from '../output';
import { readTarget, targetFlags } from '../signin-input';

const usage = `Usage:
  gcw consent-url (--profile P.json | --client-id ID --tenant T [--environment office365|usgov-l4|usgov-l5|china|custom]
      [--login-host H --graph-host G]) [--v1] [--json]
      The admin consent address for the app in the profile's cloud, to send to a Global Administrator.
      v2 (default): /{tenant}/v2.0/adminconsent with scope https://<graph host>/.default; --v1: /{tenant}/adminconsent.
      JSON: { "url", "version", "redirectUri" }. Exit 0: printed; 2: bad input (e.g. v2 with "common").`;

/** `gcw consent-url`: print the admin consent URL. */
export const consentUrlCommand: Command = {
  usage,
  async run(args, io, globals) {
    const { values, positionals } = parseFlags(
      args,
      { ...targetFlags, v1: { type: 'boolean', default: false } },
      false,
    );
    if (positionals.length) throw new UsageError(`Unexpected argument "${positionals[0]}".`);
    const t = await readTarget(io, values);
    const version = values.v1 ? 'v1' : 'v2';
    const url = adminConsentLinkForAdmin({
      loginHost: t.loginHost,
      graphHost: t.graphHost,
      tenant: t.tenant,
      clientId: t.clientId,
      version,
    });
    if (globals.json) printJson(io, { url, version, redirectUri: 'http://localhost' });
    else io.out(`${url}\n`);
    return EXIT_OK;
  },
};
