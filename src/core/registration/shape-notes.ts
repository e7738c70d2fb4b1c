// What kind of file an app came from, when it is not a whole registration: a Teams Toolkit template, a fragment or
// a trimmed copy, a placeholder or redacted appId. Each gets one note saying what was and was not checked.
import type { AppRegistrationSummary, ManifestSection } from '../../shared/registration';
import type { FindingDraft } from './findings';
import { listWords } from './findings';
import { describeStandIn, standIn } from './placeholders';
import type { VerifyTarget } from './verify-target';

const sectionWords: Record<ManifestSection, string> = {
  signInAudience: 'supported account types (signInAudience)',
  redirectUris: 'redirect URIs',
  keyCredentials: 'certificates (keyCredentials)',
  passwordCredentials: 'client secrets (passwordCredentials)',
  requiredResourceAccess: 'API permissions (requiredResourceAccess)',
};

/** Sections whose absence would otherwise read as "nothing registered". */
const weighty: readonly ManifestSection[] = [
  'redirectUris',
  'keyCredentials',
  'passwordCredentials',
  'requiredResourceAccess',
];

/** True when the file leaves out a section whose checks are then skipped (a fragment, a `$select` result, a trimmed copy). */
export function isPartial(app: AppRegistrationSummary): boolean {
  return app.notInFile.some((s) => weighty.includes(s));
}

/** True when the file holds only requiredResourceAccess. */
export function isFragment(app: AppRegistrationSummary): boolean {
  return (
    app.appId === null &&
    app.displayName === null &&
    weighty.filter((s) => s !== 'requiredResourceAccess').every((s) => app.notInFile.includes(s)) &&
    !app.notInFile.includes('requiredResourceAccess')
  );
}

/** True when the app's appId is a placeholder or redacted, so it names no app. */
export function appIdIsStandIn(app: AppRegistrationSummary): boolean {
  return app.appId !== null && standIn(app.appId) !== null;
}

/** The notes about the file's shape for one app (template, fragment, trimmed copy, stand-in appId). */
export function shapeNotes(app: AppRegistrationSummary, target: VerifyTarget): FindingDraft[] {
  const out: FindingDraft[] = [];
  if (app.template) out.push(templateNote(app));
  else if (isPartial(app)) out.push(partialNote(app, target));
  const stand = app.appId !== null ? standIn(app.appId) : null;
  if (app.appId !== null && stand) {
    out.push({
      code: 'manifest.app_id_placeholder',
      message: `The appId is ${describeStandIn(app.appId, stand)}, not an Application (client) ID, so the file cannot be matched to ${target.clientId ? `the connection’s client ID ${target.clientId}` : 'a connection'}.`,
      fix:
        stand.kind === 'toolkit'
          ? 'Check the manifest Teams Toolkit built from the template instead (build/aad.manifest.<environment>.json in the project, with the appId filled in), or download the manifest of the app the connection uses (Manifest › Download).'
          : 'Download the manifest of the app the connection uses again (Manifest › Download) without hiding its appId — the client ID is not a secret.',
      blade: 'Manifest',
    });
  }
  return out;
}

function templateNote(app: AppRegistrationSummary): FindingDraft {
  const template = app.template;
  const shown = (template?.placeholders ?? []).slice(0, 4);
  const more = (template?.placeholders.length ?? 0) - shown.length;
  const fills =
    shown.length > 0
      ? `the toolkit fills in ${listWords(more > 0 ? [...shown, `${more} more`] : shown)} when it provisions the app`
      : 'the toolkit completes it when it provisions the app';
  const named = template?.namedPermissions
    ? ', and turns the permissions it names (such as “User.Read” of “Microsoft Graph”) into their ids'
    : '';
  const checked = [
    'supported account types',
    `API permissions${template?.namedPermissions ? ' (names resolved through the permission catalogue, as the toolkit resolves them)' : ''}`,
    'redirect URIs written out in full',
  ];
  return {
    code: 'manifest.template',
    message: `This is a Teams Toolkit (Microsoft 365 Agents Toolkit) template of an app manifest (aad.manifest.json), not the app registration itself: ${fills}${named}. Checked: ${listWords(checked)}. Not checked: the client ID, values holding placeholders, certificates and client secrets (the toolkit adds those when it provisions).`,
    fix: 'Check the manifest the toolkit built from the template instead: build/aad.manifest.<environment>.json in the project (for example build/aad.manifest.dev.json, written when you provision), or — once the app exists — download its manifest here.',
    blade: 'Manifest',
  };
}

function partialNote(app: AppRegistrationSummary, target: VerifyTarget): FindingDraft {
  const missing = app.notInFile.map((s) => sectionWords[s]);
  const message = isFragment(app)
    ? 'The file holds only requiredResourceAccess, the API permissions part of a manifest (pasted on its own, or copied from the Scopes page), so only its permissions were checked. The client ID, supported account types, redirect URIs, certificates and client secrets could not be checked.'
    : `The file leaves out ${listWords(missing)} — a $select query or a trimmed copy — so ${missing.length === 1 ? 'that was' : 'those were'} not checked.`;
  return {
    code: 'manifest.partial',
    // Against a connection a partial check must not pass as a clean one; on its own it is only worth knowing.
    severity: target.auth === null ? 'info' : 'warning',
    message,
    fix: 'For a full check, download the complete manifest (Manifest › Download), or save the output of `az ad app show --id <client ID>`.',
    blade: 'Manifest',
  };
}
