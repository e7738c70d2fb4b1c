import { resolve } from 'node:path';
import pkg from '../../../package.json' with { type: 'json' };
import { recordOfProfileFile, renderRecordHtml, renderRecordMarkdown, summarizeReport } from '../../core/records';
import { verifyManifestFile } from '../../core/registration/verify-files';
import type { CertificateRef } from '../../shared/connections';
import type { ConnectionRecord } from '../../shared/records';
import { type Command, parseFlags, UsageError } from '../command';
import { EXIT_OK } from '../exit-codes';
import { printJson } from '../output';
import { certificateRefOf, readPfxArgument, readProfileArgument, readVerifyTarget, targetFlags } from '../verify-input';
import { checkOutPath, isHtmlPath, writeOrExplain } from '../verify-output';
import { plural } from '../../shared/wording';

const usage = `Usage:
  gcw record (--profile <profile.json> | --auth certificate|client-credentials|byo-app --client-id ID --tenant T …)
      [--pfx <cert.pfx> [--password-env VAR | --password-stdin]]
      [--manifest <app.json> [--app-only] [--loopback] [--secret-env VAR]]
      [--out <record.md|record.html> [--force]] [--json]
  Write the connection record of a profile for a change ticket: option, client ID, tenant, cloud, certificate
  thumbprints and expiry, secret expiry, permissions with their kind and admin-consent need, and — with
  --manifest — the registration's open findings. It never holds a secret, a key or a password.
  --profile     a profile file (Export on the Connections page, or gcw profile new); the same profile flags as
                gcw verify describe one instead
  --pfx         the connection's certificate: its thumbprints, subject and expiry go into the record
  --manifest    check the app registration's manifest against the profile (as gcw verify does) and record
                the result
  --out         write the record to a file (the extension chooses Markdown or HTML; owner-only); without it
                the Markdown goes to stdout. PDF: export from the app (Connections › Sheet › Connection record).
  Sign-in test results are kept by the app; a record made here says none is recorded.
  Exit: 0 written; 2 bad input (no profile, a file that is not a profile or manifest, wrong flags).
  JSON: { "record": { … }, "written": "<path>" | null }`;

const flags = {
  ...targetFlags,
  manifest: { type: 'string' },
  out: { type: 'string' },
  force: { type: 'boolean', default: false },
} as const;

/** `gcw record`: a profile's connection record (Markdown or HTML) from its file, its PFX and its manifest. */
export const recordCommand: Command = {
  usage,
  async run(args, io, globals) {
    const { values, positionals } = parseFlags(args, flags, true);
    if (positionals.length > 0)
      throw new UsageError(`Unexpected argument "${positionals[0]}". Give the profile with --profile <profile.json>.`);
    checkOutPath(values.out);
    if (values.manifest === undefined) {
      const stray =
        (['app-only', 'loopback'] as const).find((k) => values[k]) ??
        (values['secret-env'] !== undefined ? 'secret-env' : undefined);
      if (stray) throw new UsageError(`--${stray} says how to check a manifest: add --manifest <app.json>.`);
    }
    const file = await readProfileArgument(values, io);
    if (!file)
      throw new UsageError(
        'A record is of a connection: give --profile <profile.json> (Export on the Connections page, or gcw profile new), or describe it with --auth and its flags.',
      );
    if (values.pfx !== undefined && file.auth !== 'certificate')
      throw new UsageError(`--pfx is for client-certificate profiles; this profile uses ${file.auth}.`);
    const pfx = await readPfxArgument(values, io);
    const certificate: CertificateRef | null = pfx ? certificateRefOf(pfx, values.pfx ?? '') : null;
    let verification = null;
    if (values.manifest !== undefined) {
      const target = readVerifyTarget(values, io, { profile: file, pfx });
      verification = summarizeReport(await verifyManifestFile(resolve(io.cwd, values.manifest), target));
    }
    const record = recordOfProfileFile({
      file,
      certificate,
      verification,
      now: new Date(),
      generator: `gcw ${pkg.version}`,
    });
    const html = values.out !== undefined && isHtmlPath(values.out);
    const text = html ? renderRecordHtml(record) : renderRecordMarkdown(record);
    const written = values.out !== undefined ? resolve(io.cwd, values.out) : null;
    if (written) writeOrExplain(written, text, values.force);
    if (globals.json) printJson(io, { record, written });
    else if (written) io.out(`${summary(record, written, html)}\n`);
    else io.out(text);
    return EXIT_OK;
  },
};

function summary(record: ConnectionRecord, path: string, html: boolean): string {
  const lines = [
    `Wrote the connection record of “${record.profileName || 'the profile'}” to ${path} (${html ? 'HTML' : 'Markdown'}). It holds no secret.`,
  ];
  if (!record.certificate && record.auth === 'certificate')
    lines.push('No certificate in it: add --pfx <cert.pfx> for its thumbprints and expiry.');
  const v = record.verification;
  if (v)
    lines.push(
      `Manifest check: ${plural(v.counts.error, 'error')}, ${plural(v.counts.warning, 'warning')} recorded as open findings.`,
    );
  else lines.push('No manifest check in it: add --manifest <app.json> to record the app registration’s findings.');
  return lines.join('\n');
}
