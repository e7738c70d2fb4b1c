import {
  authLabels,
  type ConnectionSheet,
  type ConnectionSheetField,
  type ProfileEntry,
  type SecretName,
} from '../../shared/connections';
import { scopeString } from '../permissions/outputs';
import { adminConsentUrl } from './cloud-urls';
import { endpointsFor } from './environments';
import { isEntraTenant } from './formats';
import { secretVaultId } from './profile-secrets';

/** Every field of the connection page for a profile, in the order the page asks for it; secrets as vault references only. */
export function buildConnectionSheet(entry: ProfileEntry): ConnectionSheet {
  const profile = entry.profile;
  if (!profile) throw new Error('A connection sheet needs a readable profile.');
  const secret = (key: SecretName, label: string, help: string): ConnectionSheetField => ({
    key,
    label,
    secret: true,
    vaultRef: secretVaultId(profile.id, key),
    secretState: entry.secrets[key] ?? 'missing',
    help,
  });
  const clientId: ConnectionSheetField = {
    key: 'clientId',
    label: 'Client ID',
    value: profile.clientId,
    help: 'The Application (client) ID from the app registration’s Overview page.',
  };
  const tenant: ConnectionSheetField = {
    key: 'tenant',
    label: 'Tenant ID',
    value: profile.tenant,
    help: 'The Directory (tenant) ID GUID or a verified domain of the tenant the connection reaches.',
  };
  const scopes: ConnectionSheetField = {
    key: 'scopes',
    label: 'Scopes',
    value: scopeString(profile.scopes),
    help: 'Delegated Microsoft Graph permissions, separated by spaces.',
  };
  const clientSecret = secret(
    'clientSecret',
    'Client secret',
    'The secret’s Value (not its Secret ID) from Certificates & secrets. Copied only when you click; the clipboard is cleared afterwards.',
  );
  const cloud =
    profile.environment === 'custom' && !profile.customHosts
      ? null
      : endpointsFor(profile.environment, profile.customHosts);
  const notes: string[] = [];
  let fields: ConnectionSheetField[];
  switch (profile.auth) {
    case 'certificate':
      fields = [
        clientId,
        secret(
          'pfxPassword',
          'Password',
          'The certificate’s (PFX) password. Copied only when you click; the clipboard is cleared afterwards.',
        ),
        secret(
          'pfx',
          'Certificate',
          'The PFX file as base64 text. Copied only when you click; the clipboard is cleared afterwards.',
        ),
        tenant,
        {
          key: 'environment',
          label: 'Environment',
          value: cloud?.connectorLabel ?? 'Custom',
          help: cloud?.connectorLabel
            ? 'The cloud the tenant lives in.'
            : 'The connection page offers Office 365, US Government L4, US Government L5 and China only.',
        },
        {
          key: 'upn',
          label: 'Account UPN',
          value: profile.upn,
          help: 'The user principal name of the account the connection signs in as.',
        },
      ];
      break;
    case 'client-credentials':
      fields = [clientId, clientSecret, tenant, scopes];
      break;
    case 'byo-app':
      fields = [
        clientId,
        clientSecret,
        {
          ...tenant,
          help: `${tenant.help} The app is ${profile.audience === 'single-tenant' ? 'single-tenant: use its own tenant' : 'multi-tenant'}.`,
        },
        {
          key: 'redirectUri',
          label: 'Redirect URI',
          value: profile.redirectUri,
          help: 'Register this exact URI as a Web redirect URI on the app registration (Authentication page).',
        },
        scopes,
      ];
      notes.push(
        `Register ${profile.redirectUri || 'the redirect URI'} under Authentication → Web on the app registration before connecting.`,
      );
      break;
  }
  // A draft's tenant may not be one yet (e.g. `..`): no consent address is built with it.
  if (cloud && profile.clientId && isEntraTenant(profile.tenant)) {
    const redirectUri = profile.auth === 'byo-app' && profile.redirectUri ? profile.redirectUri : undefined;
    const url = adminConsentUrl(cloud, { tenant: profile.tenant, clientId: profile.clientId, redirectUri });
    notes.push(
      redirectUri
        ? `Admin consent for the app's permissions: ${url}`
        : `Admin consent for the app's permissions: ${url} (without a registered redirect URI the page ends with AADSTS50011 after consenting; the consent is still granted).`,
    );
  }
  return {
    profileId: profile.id,
    profileName: profile.name,
    auth: profile.auth,
    title: `${authLabels[profile.auth]} — ${profile.name}`,
    fields,
    notes,
  };
}
