import { basename } from 'node:path';
import type { VerifyCertificateInfo, VerifyRun } from '../../shared/contract/verify';
import type { ProfileEntry } from '../../shared/connections';
import type { VerifyReport } from '../../shared/registration';
import { endpointsFor } from '../connections/environments';
import { WorkbenchError } from '../errors';
import type { FileFilter } from '../os/ports';
import { certificateFromPfx } from '../registration/pfx-certificate';
import { profileToVerifyTarget } from '../registration/profile-target';
import { renderReportHtml } from '../registration/render-html';
import { renderReportMarkdown } from '../registration/render-markdown';
import { verifyManifest } from '../registration/verify-manifest';
import { verifyManifestFile } from '../registration/verify-files';
import { manifestOnlyTarget, type VerifyCertificate, type VerifyTarget } from '../registration/verify-target';
import type { AppContext } from './context';
import type { HandlersFor } from './dispatcher';
import { saveThroughDialog } from './file-dialogs';
import { ReportShelf } from './report-shelf';

const formats: Record<
  'markdown' | 'html',
  { extension: string; filter: FileFilter; render: (report: VerifyReport) => string }
> = {
  markdown: { extension: 'md', filter: { name: 'Markdown', extensions: ['md'] }, render: renderReportMarkdown },
  html: { extension: 'html', filter: { name: 'HTML page', extensions: ['html', 'htm'] }, render: renderReportHtml },
};

type RunInput = Parameters<HandlersFor<'verify'>['verify.run']>[0];

/** Handlers for the Verify page: verify a manifest against a profile (and a PFX), export or copy the report. */
export function verifyHandlers(ctx: AppContext, reports: ReportShelf = new ReportShelf()): HandlersFor<'verify'> {
  const keep = (report: VerifyReport): string => reports.keep(report);
  const find = (id: string): VerifyReport => reports.find(id);

  return {
    'verify.run': async (input) => {
      const entry = input.profileId ? ctx.profiles.get(input.profileId) : null;
      if (entry && !entry.profile) {
        throw new WorkbenchError(
          'profile.not_editable',
          `The profile “${entry.name}” cannot be read well enough to check against. Fix it on the Connections page, or check the manifest alone.`,
        );
      }
      const notes: string[] = [];
      const cert = await certificateFor(ctx, entry, input, notes);
      const target = targetFor(ctx, entry, input, cert?.certificate, notes);
      let report: VerifyReport;
      if (input.manifest) {
        const bytes =
          'text' in input.manifest ? input.manifest.text : Buffer.from(input.manifest.bytesBase64, 'base64');
        report = verifyManifest(bytes, target, { fileName: input.manifest.fileName || 'manifest.json' });
      } else {
        const path = await ctx.dialogs.openFile({
          title: 'Choose an app manifest',
          filters: [{ name: 'App manifest (JSON)', extensions: ['json'] }],
        });
        if (!path) throw new WorkbenchError('dialog.cancelled', 'No manifest was chosen, so nothing was checked.');
        report = await verifyManifestFile(path, target);
      }
      // The connection record names the open findings of a profile's last verification, also after a restart.
      if (entry) ctx.verifications.remember(entry.id, report);
      ctx.log.info('Verified an app manifest', {
        format: report.format,
        apps: report.apps.length,
        errors: report.counts.error,
        warnings: report.counts.warning,
        profile: entry?.id ?? null,
      });
      const run: VerifyRun = {
        reportId: keep(report),
        report,
        profileId: entry?.id ?? null,
        profileName: entry?.name ?? null,
        certificate: cert?.info ?? rememberedInfo(target),
        notes,
      };
      return run;
    },
    'verify.exportReport': async ({ reportId, format }) => {
      const report = find(reportId);
      const kind = formats[format];
      const path = await saveThroughDialog(ctx, {
        title: `Save the verification report (${format === 'html' ? 'HTML' : 'Markdown'})`,
        fileName: `${reportBaseName(report)}.${kind.extension}`,
        filters: [kind.filter],
        data: kind.render(report),
      });
      ctx.log.info('Exported a verification report', { format, file: basename(path) });
      return { path };
    },
    'verify.renderReport': ({ reportId, format }) => {
      const report = find(reportId);
      const kind = formats[format];
      return {
        fileName: `${reportBaseName(report)}.${kind.extension}`,
        mediaType: format === 'html' ? 'text/html' : 'text/markdown',
        text: kind.render(report),
      };
    },
    'verify.copyReport': ({ reportId }) => ctx.clipboard.copy(renderReportMarkdown(find(reportId)), { secret: false }),
  };
}

/** The certificate to compare: the dropped PFX, or the profile's stored one when asked for. */
async function certificateFor(
  ctx: AppContext,
  entry: ProfileEntry | null,
  input: RunInput,
  notes: string[],
): Promise<{ certificate: VerifyCertificate; info: VerifyCertificateInfo } | null> {
  if (!input.pfx) return null;
  const now = ctx.now();
  if (input.pfx !== 'profile') {
    const read = await certificateFromPfx(Buffer.from(input.pfx.bytesBase64, 'base64'), input.pfx.password, { now });
    return {
      certificate: read.certificate,
      info: info('file', input.pfx.fileName || null, read.subject, read.certificate),
    };
  }
  const profile = entry?.profile;
  if (!entry || !profile || profile.auth !== 'certificate') {
    throw new WorkbenchError(
      'vault.not_found',
      'Only a client-certificate profile has a stored PFX. Pick such a profile, or drop the PFX file itself.',
    );
  }
  // An unreadable PFX is read anyway: the vault's own error says whether the keychain is unavailable or has changed.
  if (entry.secrets.pfx === 'missing') {
    throw new WorkbenchError(
      'vault.not_found',
      `The profile “${entry.name}” has no readable PFX stored. Drop the PFX file itself, or add it to the profile on the Connections page.`,
    );
  }
  const pfx = ctx.profiles.readSecret(entry.id, 'pfx');
  const password = entry.secrets.pfxPassword === 'stored' ? ctx.profiles.readSecret(entry.id, 'pfxPassword') : null;
  if (password === null) notes.push('The profile has no PFX password stored; the PFX was opened without one.');
  const read = await certificateFromPfx(Buffer.from(pfx, 'base64'), password, { now });
  return {
    certificate: read.certificate,
    info: info('profile-pfx', profile.certificate?.fileName ?? null, read.subject, read.certificate),
  };
}

function targetFor(
  ctx: AppContext,
  entry: ProfileEntry | null,
  input: RunInput,
  certificate: VerifyCertificate | undefined,
  notes: string[],
): VerifyTarget {
  const now = ctx.now();
  const profile = entry?.profile;
  if (!entry || !profile) {
    const environment = endpointsFor(
      ctx.settings.get().defaultEnvironment === 'custom' ? 'office365' : ctx.settings.get().defaultEnvironment,
    );
    return manifestOnlyTarget(environment, {
      loopbackTest: input.loopbackTest,
      now,
      ...(certificate ? { certificate } : {}),
    });
  }
  let secretFirstChars: string | null = null;
  if (profile.auth !== 'certificate') {
    // An unreadable secret (keychain unavailable or changed) is not a missing one: try it, and say which it was.
    if (entry.secrets.clientSecret !== 'missing') {
      try {
        // Only these three characters are used, and only to compare with the hints; they never leave main.
        secretFirstChars = ctx.profiles.readSecret(entry.id, 'clientSecret').slice(0, 3);
      } catch {
        notes.push(
          'The stored client secret could not be read, so it was not compared with the hints of the registered secrets.',
        );
      }
    } else {
      notes.push('The profile has no client secret stored, so which registered secret it uses was not checked.');
    }
  }
  return profileToVerifyTarget(profile, {
    secretFirstChars,
    loopbackTest: input.loopbackTest,
    now,
    ...(input.appOnly !== undefined ? { appOnly: input.appOnly } : {}),
    ...(certificate ? { certificate } : {}),
  });
}

function info(
  source: VerifyCertificateInfo['source'],
  fileName: string | null,
  subject: string | null,
  c: VerifyCertificate,
): VerifyCertificateInfo {
  return {
    source,
    fileName,
    subject,
    thumbprintSha1: c.thumbprintSha1,
    notAfter: c.notAfter,
    keyMatchesCertificate: c.keyMatchesCertificate,
  };
}

/** The thumbprint a certificate profile remembers, when no PFX was given. */
function rememberedInfo(target: VerifyTarget): VerifyCertificateInfo | null {
  const c = target.certificate;
  if (!c || target.auth !== 'certificate') return null;
  return {
    source: 'profile-thumbprint',
    fileName: null,
    subject: null,
    thumbprintSha1: c.thumbprintSha1,
    notAfter: c.notAfter,
    keyMatchesCertificate: null,
  };
}

/** A file name from the app's name or the manifest's: letters, digits, dots and dashes only. */
function reportBaseName(report: VerifyReport): string {
  const from = report.apps[0]?.displayName ?? report.fileName?.replace(/\.json$/i, '') ?? 'app';
  const safe =
    from
      .normalize('NFKD')
      .replace(/[^\w.-]+/g, '-')
      .replace(/-+/g, '-')
      .replace(/^[-.]+|[-.]+$/g, '')
      .slice(0, 80) || 'app';
  return `${safe}-verification`;
}
