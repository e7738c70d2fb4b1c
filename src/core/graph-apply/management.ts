import type { GraphAction, RoleNeed } from '../../shared/graph-apply';

/**
 * Microsoft Graph Command Line Tools (the public client Microsoft Graph PowerShell and the Graph CLI sign in with).
 * Source: Microsoft Learn, "Verify first-party Microsoft applications in sign-in reports", table "Application IDs of
 * Microsoft tenant-owned applications": Microsoft Graph Command Line Tools | 14d82eec-204b-4c2f-b7e8-296a70dab67e
 * (https://learn.microsoft.com/troubleshoot/entra/entra-id/governance/verify-first-party-apps-sign-in;
 * its source is MicrosoftDocs/SupportArticles-docs, support/entra/entra-id/governance/verify-first-party-apps-sign-in.md).
 */
export const GRAPH_COMMAND_LINE_TOOLS_CLIENT_ID = '14d82eec-204b-4c2f-b7e8-296a70dab67e';

/** Where the page that names the client ID lives. */
export const GRAPH_COMMAND_LINE_TOOLS_SOURCE =
  'https://learn.microsoft.com/troubleshoot/entra/entra-id/governance/verify-first-party-apps-sign-in';

/** Scopes of the management sign-in. */
export const APPLICATION_READ_WRITE = 'Application.ReadWrite.All';
export const APPLICATION_READ = 'Application.Read.All';
export const DELEGATED_GRANTS = 'DelegatedPermissionGrant.ReadWrite.All';
export const APP_ROLE_ASSIGNMENTS = 'AppRoleAssignment.ReadWrite.All';

/** The delegated scopes one action needs: nothing more. Consent adds the grant scopes. */
export function scopesFor(
  action: GraphAction,
  options: { consent?: boolean; delegated?: boolean; application?: boolean } = {},
): string[] {
  const scopes = action === 'fetch' ? [APPLICATION_READ] : [APPLICATION_READ_WRITE];
  if (options.consent) {
    if (options.delegated ?? true) scopes.push(DELEGATED_GRANTS);
    if (options.application ?? true) scopes.push(APP_ROLE_ASSIGNMENTS);
  }
  return scopes;
}

const roleText: Record<string, RoleNeed> = {
  [APPLICATION_READ]: {
    scope: APPLICATION_READ,
    role: 'any member (reading app registrations); Global Reader or Application Administrator for apps you do not own',
    why: 'Reads the app registration (GET /applications) to check it.',
  },
  [APPLICATION_READ_WRITE]: {
    scope: APPLICATION_READ_WRITE,
    role: 'Application Administrator or Cloud Application Administrator (or the owner of the app, or Application Developer to create one)',
    why: 'Creates and changes app registrations and their service principals; an admin must consent to this scope once for the management app.',
  },
  [DELEGATED_GRANTS]: {
    scope: DELEGATED_GRANTS,
    role: 'Cloud Application Administrator or Application Administrator (Privileged Role Administrator for every permission)',
    why: 'Grants the delegated permissions for all users (admin consent, oauth2PermissionGrants).',
  },
  [APP_ROLE_ASSIGNMENTS]: {
    scope: APP_ROLE_ASSIGNMENTS,
    role: 'Privileged Role Administrator (Microsoft Graph application permissions)',
    why: 'Grants application permissions (app roles) of Microsoft Graph to the app (appRoleAssignedTo).',
  },
};

/** The directory role each scope needs, in plain words. */
export function rolesFor(scopes: readonly string[]): RoleNeed[] {
  return scopes.map((s) => roleText[s]).filter((r): r is RoleNeed => r !== undefined);
}

/** The management app the admin signs in with. */
export type ManagementClient = { kind: 'graph-cli' } | { kind: 'own'; clientId: string };

/** The client ID of a management app. */
export function managementClientId(client: ManagementClient): string {
  return client.kind === 'graph-cli' ? GRAPH_COMMAND_LINE_TOOLS_CLIENT_ID : client.clientId.trim();
}

/** How to register your own management app (the way `m365 setup` guides it): a public client with http://localhost. */
export const ownManagementAppSteps = [
  'In the Microsoft Entra admin center open App registrations › New registration; name it (e.g. “Workbench management”), single tenant.',
  'Under Redirect URI choose “Public client/native (mobile & desktop)” and enter http://localhost, then Register.',
  'Under Authentication set “Allow public client flows” to Yes and Save (no client secret is needed or used).',
  'Under API permissions add the Microsoft Graph delegated permissions Application.ReadWrite.All (and, to grant consent from the Workbench, DelegatedPermissionGrant.ReadWrite.All and AppRoleAssignment.ReadWrite.All), then Grant admin consent.',
  'Copy its Application (client) ID into the Workbench as the management app.',
];
