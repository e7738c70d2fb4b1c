import type { ScopeBuild } from '../../shared/contract/scopes';
import type { PermissionKind, ScopeRow } from '../../shared/permissions';
import { graphDefaultScope } from '../connections/cloud-urls';
import { endpointsFor } from '../connections/environments';
import { WorkbenchError } from '../errors';
import { appOnlySuggestions, siteGrant } from '../permissions/app-only';
import { findPermission, searchPermissions } from '../permissions/catalog';
import { minimumScopes, satisfies } from '../permissions/connector-scopes';
import { leastPrivilegeHints } from '../permissions/hints';
import { requiredResourceAccess, scopeString } from '../permissions/outputs';
import { describeScope, scopeChecklist } from '../permissions/scope-rows';
import type { AppContext } from './context';
import type { HandlersFor } from './dispatcher';

/** Handlers for the Scopes page: checklists, permission search, and the outputs (scope string, requiredResourceAccess). */
export function scopesHandlers(ctx: AppContext): HandlersFor<'scopes'> {
  return {
    'scopes.checklist': ({ auth }) => scopeChecklist(auth),
    'scopes.search': ({ words, kind }) =>
      searchPermissions(words, { kind, limit: 30 })
        .map((p) => describeScope(p.value, p.kind))
        .filter((row): row is ScopeRow => row !== undefined),
    'scopes.build': ({ auth, delegated, application, environment, customHosts, clientId, appName }): ScopeBuild => {
      const unknown: ScopeBuild['unknown'] = [];
      const known = (values: readonly string[], kind: PermissionKind) => {
        const out: string[] = [];
        for (const value of values) {
          const permission = findPermission(value, kind);
          if (!permission) unknown.push({ value: value.trim(), kind });
          else if (!out.includes(permission.value)) out.push(permission.value);
        }
        return out;
      };
      const d = known(delegated, 'delegated');
      const a = known(application, 'application');
      const access = requiredResourceAccess({ delegated: d, application: a });
      const cloudKnown = environment !== 'custom' || (customHosts !== null && customHosts.graphHost.trim() !== '');
      return {
        scopeString: scopeString(d),
        requiredResourceAccess: access,
        requiredResourceAccessJson: JSON.stringify(access, null, 2),
        hints: leastPrivilegeHints({ delegated: d, application: a }),
        unknown,
        delegatedRows: d.map((v) => describeScope(v, 'delegated')).filter((r): r is ScopeRow => r !== undefined),
        applicationRows: a.map((v) => describeScope(v, 'application')).filter((r): r is ScopeRow => r !== undefined),
        appOnlyScope: a.length > 0 && cloudKnown ? graphDefaultScope(endpointsFor(environment, customHosts)) : null,
        missingMinimum: minimumScopes[auth]
          .filter((line) => !satisfies(d, line))
          .map((line) => line.options.join(' or ')),
        appOnlySuggestions: appOnlySuggestions(),
        siteGrant: a.includes('Sites.Selected')
          ? siteGrant({
              graphHost: cloudKnown ? endpointsFor(environment, customHosts).graphHost : 'graph.microsoft.com',
              clientId,
              appName,
            })
          : null,
      };
    },
    'scopes.copyScopeString': ({ delegated }) => {
      const text = scopeString(delegated);
      if (!text)
        throw new WorkbenchError(
          'clipboard.nothing_to_copy',
          'No delegated permission is chosen, so there is no scope string to copy. Tick at least one permission.',
        );
      return ctx.clipboard.copy(text, { secret: false });
    },
    'scopes.copyRequiredResourceAccess': ({ delegated, application }) => {
      const access = requiredResourceAccess({ delegated, application });
      if (access.length === 0)
        throw new WorkbenchError(
          'clipboard.nothing_to_copy',
          'No permission is chosen, so there is no requiredResourceAccess to copy. Tick at least one permission.',
        );
      return ctx.clipboard.copy(JSON.stringify(access, null, 2), { secret: false });
    },
  };
}
