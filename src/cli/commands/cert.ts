import { shutdownCertificateWorkers } from '../../core/certificates/pkcs12/hash-pool';
import { type Command, type GlobalOptions, UsageError } from '../command';
import type { CliIo } from '../io';

const usage = `Usage: gcw cert <subcommand> [options] [--json]

Subcommands:
  inspect <file> [--password-env VAR | --password-stdin]
      Details of a PFX/P12 (also its base64 text, or a .cer/.pem/.crt certificate): subject, issuer,
      thumbprints (SHA-1 as the Entra admin center shows it, SHA-256), x5t, validity, key, chain, protection.
      With no password option, an empty and an absent password are tried (as OpenSSL does).
  base64 <file> [--out F]
      The exact base64 of a PFX on one line (what the client-certificate connection takes), on stdout or
      written to F (owner-only; an existing F is never replaced).
  decode <base64-file> [--out F.pfx] [--password-env VAR | --password-stdin]
      Decode base64 text (e.g. what was pasted into a connection), say what it is, show the certificate
      inside, and write the bytes to F.pfx (owner-only; never replaced).
  new --cn NAME --out DIR [--o ORG] [--ou UNIT] [--years 1|2|3] [--key rsa-2048|rsa-3072|rsa-4096|ec-p256|ec-p384]
      [--compat] [--name FILE] [--password-env VAR | --password-stdin]
      A self-signed certificate for app-only sign-in (SHA-256, digitalSignature, clientAuth; default 1 year,
      RSA 2048). Writes FILE.pfx, FILE.cer, FILE.pem, FILE.pfx.b64.txt and FILE.keycredentials.json
      (owner-only) to DIR; FILE defaults to the CN. Refuses to replace existing files.
      The PFX uses AES-256 with a SHA-256 MAC (OpenSSL 3's default); --compat uses 3DES with a SHA-1 MAC for
      older Windows. Without a password option a strong password is generated and printed ONCE on stderr.

Passwords come only from an environment variable (--password-env VAR) or stdin (--password-stdin), never
from the command line.
Exit codes: 0 ok; 1 inspect: the file cannot be used to sign in (the ✖ warnings: no private key, a key that does
not match the certificate, or expired); 2 bad input (wrong password, not a PFX, file exists, …) with error.code
and error.message in the JSON.`;

type Subcommand = (args: string[], io: CliIo, globals: GlobalOptions) => number | Promise<number>;

/** Each subcommand loads its own modules (generating a certificate needs more than inspecting one). */
const subcommands: Record<string, () => Promise<Subcommand>> = {
  inspect: async () => (await import('./cert/inspect')).certInspect,
  base64: async () => (await import('./cert/base64')).certBase64,
  decode: async () => (await import('./cert/decode')).certDecode,
  new: async () => (await import('./cert/new')).certNew,
};

/** `gcw cert`: inspect, convert to and from base64, and create certificates. */
export const certCommand: Command = {
  usage,
  async run(args, io, globals) {
    const [name, ...rest] = args;
    const load = name !== undefined && Object.hasOwn(subcommands, name) ? subcommands[name] : undefined;
    if (!load)
      throw new UsageError(
        name === undefined
          ? 'Give a subcommand: inspect, base64, decode or new.'
          : `Unknown subcommand "${name}" (inspect, base64, decode, new).`,
      );
    try {
      return await (
        await load()
      )(rest, io, globals);
    } finally {
      await shutdownCertificateWorkers();
    }
  },
};
