import { authLabels, redirectUriFor, type AppAudience, type AuthKind } from '../../shared/connections';
import type { ChecklistItem, ChecklistValue, WizardChecklist } from '../../shared/contract/wizard';
import { environmentLabels, type EnvironmentId } from '../../shared/environments';
import { appRegistrationsUrl, appRegistrationUrl, type AppRegistrationPage } from '../connections/cloud-urls';
import { environments, type CustomHosts, type EnvironmentEndpoints } from '../connections/environments';
import { isGuid } from '../connections/formats';
import { findPermission, isSignInScope } from '../permissions/catalog';
import { registeredRedirectUri } from '../signin/flow-support';

/** What the checklist is built from: the option, the cloud and what the admin has entered so far. */
export interface ChecklistRequest {
  auth: AuthKind;
  environment: EnvironmentId;
  customHosts: CustomHosts | null;
  domain: string;
  audience: AppAudience;
  clientId: string;
  tenant: string;
  scopes: string[];
  appOnlyPermissions: string[];
  thumbprint: string;
}

function cloudOf(request: ChecklistRequest): EnvironmentEndpoints {
  // A custom cloud's admin center is not known: the global one's links are the best guess, and say so.
  if (request.environment !== 'custom') return environments[request.environment];
  return {
    ...environments.office365,
    id: 'custom',
    loginHost: request.customHosts?.loginHost ?? '',
    graphHost: request.customHosts?.graphHost ?? '',
    connectorLabel: null,
  };
}

function permissionValue(value: string, kind: 'delegated' | 'application'): ChecklistValue {
  const known = findPermission(value, kind);
  const adminConsentRequired = kind === 'application' || (known?.adminConsentRequired ?? false);
  const note = isSignInScope(value)
    ? 'OpenID Connect scope: listed under Microsoft Graph → Delegated permissions → OpenId permissions.'
    : known
      ? known.displayName
      : 'Not in the Microsoft Graph catalog: check the spelling.';
  return {
    label: kind === 'delegated' ? 'Delegated permission' : 'Application permission',
    value,
    note,
    kind,
    adminConsentRequired,
  };
}

/** The app-registration checklist for an option in a cloud, with the exact values to enter and the admin-center pages. */
export function buildChecklist(request: ChecklistRequest): WizardChecklist {
  const cloud = cloudOf(request);
  const known = isGuid(request.clientId);
  const page = (p: AppRegistrationPage, label: string) =>
    known
      ? { label, url: appRegistrationUrl(cloud, request.clientId, p) }
      : { label: 'App registrations', url: appRegistrationsUrl(cloud) };
  const secretOption = request.auth !== 'certificate';
  const multi = request.auth === 'byo-app' && request.audience === 'multi-tenant';
  const items: ChecklistItem[] = [];

  items.push({
    id: 'register',
    title: 'Create the app registration',
    steps: [
      `Open App registrations in the ${request.environment === 'custom' ? 'admin center of your cloud' : `${environmentLabels[request.environment]} admin center`} and choose New registration.`,
      'Name: something that says what it is for, e.g. the profile name.',
      `Supported account types: ${multi ? 'Accounts in any organizational directory (Any Microsoft Entra ID tenant - Multitenant)' : 'Accounts in this organizational directory only (Single tenant)'}.`,
      'Leave Redirect URI empty here; it is added on the Authentication page next. Choose Register.',
    ],
    values: [{ label: 'Supported account types', value: multi ? 'Multitenant' : 'Single tenant' }],
    links: [{ label: 'App registrations', url: appRegistrationsUrl(cloud) }],
    requiredForConnection: true,
  });

  const loopback: ChecklistValue = {
    label: 'Redirect URI for the Workbench’s sign-in test',
    value: registeredRedirectUri('/'),
    platform: 'Web',
    note: 'For the sign-in test and the admin consent button only. Any port matches: the Workbench listens on a random one.',
  };
  const redirects: ChecklistValue[] =
    request.auth === 'byo-app'
      ? [
          {
            label: 'Redirect URI of the connector',
            value: redirectUriFor(request.domain),
            platform: 'Web',
            note: request.domain.trim()
              ? 'Exactly as shown: the path is case-sensitive.'
              : 'Enter your domain to see it.',
          },
          loopback,
        ]
      : [loopback];
  items.push({
    id: 'redirect',
    title: 'Add the redirect URIs',
    steps: [
      'Open Authentication, choose Add a platform, then Web.',
      `Enter ${redirects.length === 1 ? 'the redirect URI' : 'each redirect URI'} below (Add URI for the next one) and choose Configure.`,
      'Leave Access tokens and ID tokens (implicit grant) unchecked, and “Allow public client flows” set to No.',
    ],
    values: redirects,
    links: [page('Authentication', 'Authentication')],
    requiredForConnection: request.auth === 'byo-app',
  });

  items.push(
    secretOption
      ? {
          id: 'credential',
          title: 'Create a client secret',
          steps: [
            'Open Certificates & secrets, then Client secrets, and choose New client secret.',
            'Give it a description and an expiry (at most 24 months), then choose Add.',
            'Copy the Value at once — it is shown only now. Not the Secret ID. Note the Expires date for reminders.',
          ],
          values: [],
          links: [page('Credentials', 'Certificates & secrets')],
          requiredForConnection: true,
        }
      : {
          id: 'credential',
          title: 'Upload the certificate',
          steps: [
            'Open Certificates & secrets, then Certificates, and choose Upload certificate.',
            'Choose the .cer (or .pem) file — the public certificate only, never the .pfx — and choose Add.',
            'Check that the Thumbprint shown matches the one below.',
          ],
          values: [
            {
              label: 'Certificate thumbprint (SHA-1)',
              value: request.thumbprint,
              note: request.thumbprint
                ? 'The admin center shows this as Thumbprint.'
                : 'Import or generate the certificate in the next step to see it.',
            },
          ],
          links: [page('Credentials', 'Certificates & secrets')],
          requiredForConnection: true,
        },
  );

  const delegated = request.scopes.map((s) => permissionValue(s, 'delegated'));
  const application = request.appOnlyPermissions.map((s) => permissionValue(s, 'application'));
  items.push({
    id: 'permissions',
    title: 'Add the API permissions',
    steps: [
      'Open API permissions and choose Add a permission, then Microsoft Graph.',
      'Choose Delegated permissions and tick each delegated permission below; choose Add permissions.',
      ...(application.length > 0
        ? ['Add a permission again, Microsoft Graph, Application permissions: tick each application permission below.']
        : []),
      'A new registration lists User.Read (delegated) already: keep it if it is below; otherwise it does no harm.',
    ],
    values: [...delegated, ...application],
    links: [page('CallAnAPI', 'API permissions')],
    requiredForConnection: true,
  });

  const needConsent = [...delegated, ...application].filter((v) => v.adminConsentRequired).map((v) => v.value);
  items.push({
    id: 'consent',
    title: 'Grant admin consent',
    steps: [
      `On API permissions choose “Grant admin consent for ${request.tenant.trim() || 'your organization'}” and confirm (a Global Administrator or Privileged Role Administrator).`,
      needConsent.length > 0
        ? `These need admin consent: ${needConsent.join(', ')}. The Status column must show “Granted”.`
        : 'None of the chosen permissions requires admin consent, but granting it spares each user the consent prompt.',
      'No administrator at hand? The sign-in test step has a link to send to one.',
    ],
    values: [],
    links: [page('CallAnAPI', 'API permissions')],
    requiredForConnection: needConsent.length > 0,
  });

  items.push({
    id: 'ids',
    title: 'Copy the IDs',
    steps: ['Open Overview and copy the Application (client) ID and the Directory (tenant) ID into the fields below.'],
    values: [],
    links: [page('Overview', 'Overview')],
    requiredForConnection: true,
  });

  return {
    cloudLabel:
      request.environment === 'custom'
        ? `${environmentLabels.custom} (links open the global admin center)`
        : `${environmentLabels[request.environment]} — ${authLabels[request.auth]}`,
    adminCenterHost: cloud.entraAdminHost,
    items,
  };
}
