import { decodeToken } from '../../core/signin/token-decode';
import { type Command, parseFlags, UsageError } from '../command';
import { EXIT_OK } from '../exit-codes';
import { jsonText, printJson } from '../output';
import { readTextArgument } from '../read-input';
import { claimLines } from '../signin-output';

const usage = `Usage:
  gcw token decode <file | -> [--json]
      Decode an access token (JWT) without checking its signature, for diagnostics: the claims that matter
      (aud, tid, appid/azp, appidacr/azpacr, scp or roles, upn, exp, ver) and every claim.
      JSON: { "ok": true, "header", "claims", "payload" }. Exit 0: decoded; 2: not a readable JWT.`;

/** `gcw token decode`: show a token's claims. */
export const tokenCommand: Command = {
  usage,
  async run(args, io, globals) {
    const [sub, ...rest] = args;
    if (sub !== 'decode')
      throw new UsageError(
        sub ? `Unknown subcommand "token ${sub}": use decode.` : 'Say what to do: gcw token decode <file | ->.',
      );
    const { positionals } = parseFlags(rest, {});
    if (positionals.length !== 1) throw new UsageError('Give exactly one file with the token (or - for stdin).');
    const decoded = decodeToken(await readTextArgument(io, positionals[0] as string, 64 * 1024));
    if (globals.json) {
      printJson(io, { ok: true, header: decoded.header, claims: decoded.claims, payload: decoded.payload });
      return EXIT_OK;
    }
    io.out(
      `Token (${decoded.claims.tokenKind === 'app' ? 'app-only' : 'user'}, ${algorithmText(decoded.header.alg)}); the signature is not checked.\nClaims:\n${claimLines(decoded.claims, decoded.payload.exp).join('\n')}\nAll claims:\n${jsonText(decoded.payload)}\n`,
    );
    return EXIT_OK;
  },
};

/** The header's `alg` as text: a token is input, so an object there is shown as JSON, not as "[object Object]". */
function algorithmText(alg: unknown): string {
  if (alg === undefined) return 'unknown algorithm';
  return typeof alg === 'string' ? alg : JSON.stringify(alg);
}
