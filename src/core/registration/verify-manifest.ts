import type {
  FindingSeverity,
  RegistrationFinding,
  VerifyReport,
  VerifyTargetSummary,
} from '../../shared/registration';
import { checkAudience } from './checks/audience';
import { checkCertificate } from './checks/certificate';
import type { Check } from './checks/check-context';
import { checkClientId } from './checks/client-id';
import { checkCloud } from './checks/cloud';
import { checkCredentialExpiry } from './checks/credential-expiry';
import { checkPermissions } from './checks/permissions';
import { checkRedirectUris } from './checks/redirect-uris';
import { checkPublicClientFlag, checkRegisteredUris } from './checks/registered-uris';
import { checkSecrets } from './checks/secrets';
import { completeFinding, sortFindings, type FindingDraft } from './findings';
import type { ParsedApp, ParsedManifest } from './manifest-model';
import { readManifest } from './read-manifest';
import { appIdIsStandIn, isFragment, shapeNotes } from './shape-notes';
import type { VerifyTarget } from './verify-target';

/** Every check, in the order findings of equal severity are listed. */
export const allChecks: readonly Check[] = [
  checkClientId,
  checkAudience,
  checkRedirectUris,
  checkRegisteredUris,
  checkPublicClientFlag,
  checkPermissions,
  checkCertificate,
  checkSecrets,
  checkCredentialExpiry,
  checkCloud,
];

/**
 * Verify a manifest (text or file bytes, either format, one app or a list) against a target.
 * Throws WorkbenchError for input that is not a manifest (too large, empty, invalid JSON, other JSON).
 */
export function verifyManifest(
  input: string | Uint8Array,
  target: VerifyTarget,
  options: { fileName?: string } = {},
): VerifyReport {
  return verifyParsedManifest(readManifest(input), target, options);
}

/** Run the checks on a manifest already read. */
export function verifyParsedManifest(
  parsed: ParsedManifest,
  target: VerifyTarget,
  options: { fileName?: string } = {},
): VerifyReport {
  const now = target.now ?? new Date();
  const { checked, note } = selectApps(parsed.apps, target.clientId);
  const findings: RegistrationFinding[] = [];
  const noApp = { appId: null, displayName: null };
  for (const draft of [...parsed.notes, ...(note ? [note] : [])])
    findings.push(completeFinding(draft, target.environment, noApp));
  for (const app of checked) {
    const drafts: FindingDraft[] = [...app.notes, ...shapeNotes(app.summary, target)];
    if (!app.summary.appId && !isFragment(app.summary)) drafts.push(appIdMissing());
    const ctx = { app: app.summary, target, now, cloudClues: app.cloudClues };
    for (const check of allChecks) drafts.push(...check(ctx));
    // A placeholder or redacted appId names no app: links go to the list of app registrations instead.
    const named = appIdIsStandIn(app.summary) ? { appId: null, displayName: app.summary.displayName } : app.summary;
    for (const draft of drafts) findings.push(completeFinding(draft, target.environment, named));
  }
  const sorted = sortFindings(findings);
  const counts: Record<FindingSeverity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of sorted) counts[f.severity]++;
  return {
    format: parsed.format,
    apps: parsed.apps.map((a) => a.summary),
    findings: sorted,
    counts,
    target: summarizeTarget(target),
    checkedAt: now.toISOString(),
    fileName: options.fileName ?? null,
  };
}

/** With several apps in a file, check the one the profile's client ID names; otherwise all of them. */
function selectApps(
  apps: ParsedApp[],
  clientId: string | undefined,
): { checked: ParsedApp[]; note: FindingDraft | null } {
  if (apps.length <= 1) return { checked: apps, note: null };
  const wanted = clientId?.trim().toLowerCase();
  const matching = wanted ? apps.filter((a) => a.summary.appId?.toLowerCase() === wanted) : [];
  if (matching.length > 0) {
    const names = matching.map((a) => `“${a.summary.displayName ?? a.summary.appId}”`).join(', ');
    return {
      checked: matching,
      note: {
        code: 'manifest.several_apps',
        message: `The file holds ${apps.length} app registrations; only ${names} was checked, as it has the profile’s client ID.`,
        fix: 'Nothing to fix. To check another app, pick a profile with its client ID or check without a profile.',
        blade: 'Overview',
      },
    };
  }
  return {
    checked: apps,
    note: {
      code: 'manifest.several_apps',
      message: `The file holds ${apps.length} app registrations; each was checked${wanted ? ', since none has the profile’s client ID' : ''}.`,
      fix: 'Nothing to fix. For a shorter report, save only the app the connection uses (Manifest › Download, or `az ad app show --id <client ID>`).',
      blade: 'Overview',
    },
  };
}

function appIdMissing(): FindingDraft {
  return {
    code: 'manifest.app_id_missing',
    message:
      'The manifest has no appId (Application (client) ID), so it cannot be matched to a connection; it may be a template or a trimmed copy.',
    fix: 'Download the complete manifest (Manifest › Download) of the app the connection uses.',
    blade: 'Manifest',
  };
}

/** The target without secrets, for the report header. */
export function summarizeTarget(target: VerifyTarget): VerifyTargetSummary {
  return {
    auth: target.auth,
    clientId: target.clientId ?? null,
    tenant: target.tenant ?? null,
    environment: target.environment.id,
    domain: target.domain ?? null,
    delegatedScopes: [...target.delegatedScopes],
    applicationPermissions: [...target.applicationPermissions],
    certificateThumbprintSha1: target.certificate?.thumbprintSha1 ?? null,
    loopbackTest: target.loopbackTest,
  };
}
