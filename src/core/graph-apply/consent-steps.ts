import type { AppRoleAssignment, OAuth2PermissionGrant } from '@microsoft/microsoft-graph-types';
import { findPermission, GRAPH_RESOURCE_APP_ID } from '../permissions/catalog';
import type { GraphStep } from './plan';

/** The request that finds Microsoft Graph's own service principal in the tenant (the resource of every grant). */
export function graphServicePrincipalStep(): GraphStep {
  return {
    key: 'graphServicePrincipal',
    method: 'GET',
    path: `/v1.0/servicePrincipals(appId='${GRAPH_RESOURCE_APP_ID}')?$select=id,appId,displayName`,
    body: null,
    purpose: 'Find Microsoft Graph’s service principal in this tenant (the resource the permissions are granted on).',
  };
}

/**
 * Admin consent as Graph writes it: one oauth2PermissionGrant (AllPrincipals) for the delegated permissions and one
 * appRoleAssignedTo per application permission, for the service principal `{servicePrincipal.id}`.
 */
export function consentSteps(delegated: readonly string[], application: readonly string[]): GraphStep[] {
  const steps: GraphStep[] = [];
  const scope = delegated.map((v) => findPermission(v, 'delegated')?.value ?? v.trim()).filter(Boolean);
  const roles = application.map((v) => findPermission(v, 'application')).filter((p) => p !== undefined);
  if (scope.length === 0 && roles.length === 0) return steps;
  steps.push(graphServicePrincipalStep());
  if (scope.length > 0) {
    const grant: OAuth2PermissionGrant = {
      clientId: '{servicePrincipal.id}',
      consentType: 'AllPrincipals',
      resourceId: '{graphServicePrincipal.id}',
      scope: scope.join(' '),
    };
    steps.push({
      key: 'delegatedGrant',
      method: 'POST',
      path: '/v1.0/oauth2PermissionGrants',
      body: grant,
      purpose: `Grant admin consent for all users to the delegated permissions ${scope.join(', ')}.`,
      optional: true,
      creates: {
        kind: 'oauth2PermissionGrant',
        label: 'admin consent for the delegated permissions',
        undo: (id) =>
          `DELETE /v1.0/oauth2PermissionGrants/${id} (or Enterprise applications › the app › Permissions › Review permissions)`,
      },
    });
  }
  roles.forEach((role, i) => {
    const assignment: AppRoleAssignment = {
      principalId: '{servicePrincipal.id}',
      resourceId: '{graphServicePrincipal.id}',
      appRoleId: role.id,
    };
    steps.push({
      key: `appRole${i}`,
      method: 'POST',
      path: '/v1.0/servicePrincipals/{graphServicePrincipal.id}/appRoleAssignedTo',
      body: assignment,
      purpose: `Grant the application permission ${role.value} (admin consent).`,
      optional: true,
      creates: {
        kind: 'appRoleAssignment',
        label: `application permission ${role.value}`,
        undo: (id) => `DELETE /v1.0/servicePrincipals/{Graph service principal id}/appRoleAssignedTo/${id}`,
      },
    });
  });
  return steps;
}

/** The Microsoft Graph resource app ID, re-exported for the plan builders. */
export { GRAPH_RESOURCE_APP_ID };
