import { resolve } from 'node:path';
import {
  buildExportSet,
  exportFileNames,
  findExistingExportFiles,
  generateSelfSignedCertificate,
  generateStrongPassword,
  passwordStrength,
  safeFileName,
  writeExportSet,
} from '../../../core/certificates';
import { WorkbenchError } from '../../../core/errors';
import type { KeyAlgorithmChoice } from '../../../shared/certificates';
import { parseFlags, UsageError, type GlobalOptions } from '../../command';
import { EXIT_OK } from '../../exit-codes';
import type { CliIo } from '../../io';
import { printJson } from '../../output';
import { passwordFlags, readPassword } from './cert-input';
import { certificateJson } from './cert-json';
import { keyText } from './cert-text';

const KEYS: KeyAlgorithmChoice[] = ['rsa-2048', 'rsa-3072', 'rsa-4096', 'ec-p256', 'ec-p384'];

function years(text: string | undefined): number {
  if (text === undefined) return 1;
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < 1 || n > 3)
    throw new UsageError(`--years must be 1, 2 or 3 (shorter is safer), not "${text}".`);
  return n;
}

/** `gcw cert new --cn NAME --out DIR`: a self-signed certificate and its five files; never replaces files. */
export async function certNew(args: string[], io: CliIo, globals: GlobalOptions): Promise<number> {
  const { values, positionals } = parseFlags(
    args,
    {
      cn: { type: 'string' },
      o: { type: 'string' },
      ou: { type: 'string' },
      years: { type: 'string' },
      key: { type: 'string' },
      compat: { type: 'boolean' },
      out: { type: 'string' },
      name: { type: 'string' },
      ...passwordFlags,
    },
    false,
  );
  if (positionals.length > 0) throw new UsageError(`Unexpected argument "${positionals[0]}".`);
  if (!values.cn) throw new UsageError('--cn NAME is required: the subject name (CN) of the certificate.');
  if (!values.out) throw new UsageError('--out DIR is required: the folder for the files.');
  const key = (values.key ?? 'rsa-2048') as KeyAlgorithmChoice;
  if (!KEYS.includes(key)) throw new UsageError(`--key must be one of ${KEYS.join(', ')}.`);
  const validityYears = years(values.years);
  const name = values.name ?? safeFileName(values.cn);
  if (name !== safeFileName(name))
    throw new UsageError(`--name "${name}" cannot be used as a file name; try "${safeFileName(name)}".`);
  const folder = resolve(io.cwd, values.out);
  const existing = findExistingExportFiles(folder, name);
  if (existing.length > 0) {
    throw new WorkbenchError(
      'file.exists',
      `${existing.join(', ')} already exist${existing.length === 1 ? 's' : ''}; nothing was written.`,
      {
        hint: 'Choose another --out folder or --name, or move the old files away first.',
        details: { files: existing.join('\n') },
      },
    );
  }
  const given = await readPassword(io, values);
  if (given === '')
    throw new WorkbenchError(
      'pfx.export_password_required',
      'The password is empty: a PFX needs a password to protect its private key.',
      { hint: 'Leave out --password-env to get a strong generated password.' },
    );
  const password = given ?? generateStrongPassword();
  if (given !== null && passwordStrength(given).score < 2)
    io.err(
      `gcw: warning: the password is ${passwordStrength(given).label.toLowerCase()}; a stolen PFX can be guessed offline.\n`,
    );

  const generated = await generateSelfSignedCertificate({
    commonName: values.cn,
    organization: values.o,
    organizationalUnit: values.ou,
    validityYears,
    keyAlgorithm: key,
  });
  const profile = values.compat ? 'compat' : 'modern';
  const set = await buildExportSet({
    certificate: generated.certificateDer,
    privateKey: generated.privateKey,
    password,
    profile,
    friendlyName: generated.details.subjectCommonName ?? undefined,
  });
  writeExportSet(folder, name, set);
  const names = exportFileNames(name);
  const files = Object.fromEntries(Object.entries(names).map(([k, v]) => [k, resolve(folder, v)])) as typeof names;
  if (given === null) {
    io.err(
      `Password of ${names.pfx} (generated; shown only this once and saved nowhere — keep it with the connection settings):\n${password}\n`,
    );
  }
  const c = generated.details;
  if (globals.json) {
    printJson(io, {
      ok: true,
      folder,
      name,
      files,
      profile,
      passwordGenerated: given === null,
      certificate: certificateJson(c),
    });
    return EXIT_OK;
  }
  io.out(
    [
      `Created a self-signed certificate for ${c.subject} (${keyText(c.key)}, valid until ${c.notAfter.slice(0, 10)}).`,
      `Thumbprint (SHA-1):   ${c.thumbprintSha1}`,
      `Thumbprint (SHA-256): ${c.thumbprintSha256}`,
      `PFX (${profile === 'modern' ? 'AES-256, SHA-256 MAC' : '3DES, SHA-1 MAC for older Windows'}): ${files.pfx}`,
      `Certificate to upload to the app registration: ${files.cer} (also ${names.pem})`,
      `Base64 of the PFX for the connection: ${files.base64}`,
      `keyCredentials entry for the manifest: ${files.keyCredentials}`,
    ].join('\n') + '\n',
  );
  return EXIT_OK;
}
