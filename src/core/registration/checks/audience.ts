import type { FindingDraft } from '../findings';
import { isPartial } from '../shape-notes';
import type { Check } from './check-context';

const audiences: Record<string, string> = {
  AzureADMyOrg: 'accounts in this organizational directory only (single tenant)',
  AzureADMultipleOrgs: 'accounts in any organizational directory (multitenant)',
  AzureADandPersonalMicrosoftAccount: 'accounts in any organizational directory and personal Microsoft accounts',
  PersonalMicrosoftAccount: 'personal Microsoft accounts only',
};

const multitenantChoice =
  'choose “Accounts in any organizational directory (Any Microsoft Entra ID tenant – Multitenant)”, then Save';

/** signInAudience against the tenant the connection signs in to (common, organizations, consumers or one tenant). */
export const checkAudience: Check = ({ app, target }) => {
  const out: FindingDraft[] = [];
  // Entra's values compared without letter case: some tools write AzureADAndPersonalMicrosoftAccount.
  const audience =
    app.signInAudience === null
      ? null
      : (Object.keys(audiences).find((k) => k.toLowerCase() === app.signInAudience?.trim().toLowerCase()) ??
        app.signInAudience);
  const tenant = (target.tenant ?? '').trim().toLowerCase();
  const sharedEndpoint = tenant === 'common' || tenant === 'organizations';

  if (
    audience &&
    (audience === 'AzureADandPersonalMicrosoftAccount' || audience === 'PersonalMicrosoftAccount') &&
    app.requestedAccessTokenVersion !== 2
  ) {
    out.push({
      code: 'audience.token_version',
      message: `The app lets personal Microsoft accounts sign in, which needs access token version 2, but the manifest sets ${app.requestedAccessTokenVersion === null ? 'none' : `version ${app.requestedAccessTokenVersion}`}. Entra refuses to save such a registration and tokens may be issued in the wrong version.`,
      fix: 'Set "requestedAccessTokenVersion": 2 under "api" (in the older format: "accessTokenAcceptedVersion": 2), then Save.',
      blade: 'Manifest',
    });
  }
  if (tenant && target.applicationPermissions.length > 0 && (sharedEndpoint || tenant === 'consumers')) {
    out.push({
      code: 'audience.app_only_needs_tenant',
      message: `App-only access (the client-credentials grant) is asked for, but the tenant is “${tenant}”. Microsoft’s token endpoint refuses app-only requests there (AADSTS9001023 / AADSTS90010): it needs the tenant ID or a verified domain.`,
      fix: 'Copy Directory (tenant) ID from Overview into the connection’s tenant field.',
      blade: 'Overview',
    });
  }
  if (target.auth === null) return out;

  if (!audience || !(audience in audiences)) {
    // A partial file's note already says the account types could not be checked.
    if (!audience && isPartial(app)) return out;
    out.push({
      code: 'audience.missing',
      message: audience
        ? `The manifest’s signInAudience is “${audience}”, which is not a value Entra uses, so who may sign in cannot be checked.`
        : 'The manifest has no signInAudience, so who may sign in cannot be checked (a $select query may have left it out).',
      fix: 'Check Supported account types and download the full manifest again (Manifest › Download).',
      blade: 'Authentication',
    });
    return out;
  }
  if (tenant === 'consumers') {
    out.push({
      code: 'audience.consumers_tenant',
      message:
        'The connection signs in through “consumers”, which only admits personal Microsoft accounts; OneDrive for work or school and SharePoint need a work or school account.',
      fix: 'Nothing to change here: set the connection’s tenant to your tenant ID (Overview › Directory (tenant) ID) or to “organizations”.',
      blade: 'Overview',
    });
  }
  if (audience === 'PersonalMicrosoftAccount') {
    out.push({
      code: 'audience.personal_accounts_only',
      message:
        'The app admits personal Microsoft accounts only, so work or school accounts — the ones with OneDrive for work or school and SharePoint — cannot sign in to it.',
      fix: `Under Supported account types ${multitenantChoice}. If the portal refuses the change, register a new app for work or school accounts.`,
      blade: 'Authentication',
    });
  }
  if (audience === 'AzureADMyOrg' && sharedEndpoint) {
    out.push({
      code: 'audience.single_tenant_shared_endpoint',
      message: `The app is single tenant (${audiences.AzureADMyOrg}), but the connection signs in through “${tenant}”. Entra refuses that (AADSTS50194).`,
      fix: `Either set the connection’s tenant to the Directory (tenant) ID shown on Overview, or, if users from other tenants must sign in, under Supported account types ${multitenantChoice}.`,
      blade: 'Overview',
    });
  }
  if (audience === 'AzureADMyOrg' && target.tenancy === 'multi') {
    out.push({
      code: 'audience.multi_tenant_needed',
      message:
        'The profile is a multi-tenant bring-your-own app, but the app registration is single tenant: users from other tenants cannot sign in or consent.',
      fix: `Under Supported account types ${multitenantChoice}.`,
      blade: 'Authentication',
    });
  }
  const widerWithPersonal = audience === 'AzureADandPersonalMicrosoftAccount';
  const widerMultitenant = audience === 'AzureADMultipleOrgs' && target.tenancy === 'single';
  if (widerWithPersonal || widerMultitenant) {
    out.push({
      code: 'audience.wider_than_needed',
      message: widerWithPersonal
        ? 'The app also admits personal Microsoft accounts; the connection only needs work or school accounts.'
        : 'The app is multitenant, but the profile is a single-tenant bring-your-own app: accounts from any tenant can sign in to it.',
      fix: widerWithPersonal
        ? `Under Supported account types ${multitenantChoice} (or “this organizational directory only” if one tenant is enough).`
        : 'Under Supported account types choose “Accounts in this organizational directory only (Single tenant)”, then Save.',
      blade: 'Authentication',
    });
  }
  return out;
};
