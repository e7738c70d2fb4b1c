import { authLabels, type ProfileFinding } from '../../../shared/connections';
import { findPermission, isSignInScope } from '../../permissions/catalog';
import { minimumScopes, satisfies } from '../../permissions/connector-scopes';
import { applicationCounterpart } from '../../permissions/counterparts';
import { leastPrivilegeHints } from '../../permissions/hints';
import { graphDefaultScope } from '../cloud-urls';
import { environments } from '../environments';
import { finding, type Rule, type RuleInput } from './types';

const graphHosts = new Set(Object.values(environments).map((e) => e.graphHost));

/** A scope without its Graph resource prefix (`https://graph.microsoft.com/Files.Read` → `Files.Read`). */
function bare(scope: string, customGraphHost: string | undefined): string {
  const match = /^https:\/\/([^/]+)\/(.+)$/i.exec(scope.trim());
  if (
    match &&
    (graphHosts.has((match[1] ?? '').toLowerCase()) || match[1]?.toLowerCase() === customGraphHost?.toLowerCase())
  )
    return match[2] ?? '';
  return scope.trim();
}

function delegatedScopes({ profile }: RuleInput): string[] {
  return profile.scopes.map((s) => bare(s, profile.customHosts?.graphHost)).filter((s) => s !== '');
}

function defaultScopeText(input: RuleInput): string {
  const env = input.profile.environment === 'custom' ? null : environments[input.profile.environment];
  return env ? graphDefaultScope(env) : 'https://{Graph host}/.default';
}

/** Delegated scopes of the option, and application permissions asked for app-only access. */
export const scopeRules: Rule[] = [
  (input) => {
    const scopes = delegatedScopes(input);
    const out: ProfileFinding[] = [];
    for (const line of minimumScopes[input.profile.auth]) {
      if (satisfies(scopes, line)) continue;
      const names = line.options.join(' or ');
      out.push(
        finding(
          'scopes.missing_minimum',
          'error',
          'scopes',
          `The ${authLabels[input.profile.auth].toLowerCase()} option needs at least ${names}; add it to the scopes. ${line.reason}`,
        ),
      );
    }
    return out;
  },

  (input) => {
    const scopes = delegatedScopes(input);
    if (scopes.length === 0 || scopes.some((s) => s.toLowerCase() === 'offline_access')) return [];
    return [
      finding(
        'scopes.no_offline_access',
        input.profile.auth === 'byo-app' ? 'warning' : 'info',
        'scopes',
        'Without offline_access Microsoft issues no refresh token, so the connection has to sign in again once the access token expires (after about an hour). Add offline_access to keep it working.',
      ),
    ];
  },

  (input) => {
    const out: ProfileFinding[] = [];
    const seen = new Set<string>();
    for (const scope of delegatedScopes(input)) {
      const lower = scope.toLowerCase();
      if (seen.has(lower)) {
        out.push(finding('scopes.duplicate', 'info', 'scopes', `${scope} is listed more than once; once is enough.`));
        continue;
      }
      seen.add(lower);
      if (lower === '.default') {
        out.push(
          finding(
            'scopes.default_scope',
            'info',
            'scopes',
            `${defaultScopeText(input)} asks for every delegated permission already listed on the app registration instead of naming them; the connection page expects the scopes by name.`,
          ),
        );
      } else if (!findPermission(scope, 'delegated')) {
        out.push(
          findPermission(scope, 'application')
            ? finding(
                'scopes.application_only',
                'error',
                'scopes',
                `${scope} exists only as an application permission (app-only access); a signed-in connection cannot use it. Remove it, or put it under the app-only permissions.`,
              )
            : finding(
                'scopes.unknown',
                'warning',
                'scopes',
                `${scope} is not a Microsoft Graph delegated permission. Check the spelling, e.g. Files.Read.All or Sites.Read.All.`,
              ),
        );
      }
    }
    return out;
  },

  (input) =>
    leastPrivilegeHints({ delegated: delegatedScopes(input) }).map((h) =>
      finding('scopes.least_privilege', 'info', 'scopes', h.message),
    ),

  (input) => {
    if (!input.appOnly) return [];
    const out: ProfileFinding[] = [];
    const defaultScope = defaultScopeText(input);
    for (const raw of input.profile.appOnlyPermissions) {
      const value = bare(raw, input.profile.customHosts?.graphHost);
      if (isSignInScope(value)) {
        out.push(
          finding(
            'app_only.sign_in_scope',
            'error',
            'appOnlyPermissions',
            `${value} is a sign-in scope: it only works when a user signs in, and app-only requests have no user. An app-only request asks for ${defaultScope} and receives the application permissions granted to the app with admin consent. Remove ${value} here.`,
          ),
        );
        continue;
      }
      if (findPermission(value, 'application')) continue;
      const counterpart = applicationCounterpart(value);
      out.push(
        counterpart.kind === 'none'
          ? finding(
              'app_only.delegated_only',
              'error',
              'appOnlyPermissions',
              `${counterpart.message} App-only requests ask for ${defaultScope} and receive the application permissions granted with admin consent${counterpart.suggestion ? `: grant ${counterpart.suggestion.value} (application) instead` : ''}.`,
            )
          : finding(
              'app_only.unknown_permission',
              'error',
              'appOnlyPermissions',
              `${value} is not a Microsoft Graph application permission. Check the spelling, e.g. Files.Read.All or Sites.Selected.`,
            ),
      );
    }
    return out;
  },

  (input) =>
    input.appOnly
      ? leastPrivilegeHints({
          application: input.profile.appOnlyPermissions.filter((p) => findPermission(p, 'application')),
        }).map((h) => finding('app_only.least_privilege', 'info', 'appOnlyPermissions', h.message))
      : [],

  (input) => {
    if (!input.appOnlyTest || input.profile.appOnlyPermissions.length > 0) return [];
    const matching = [
      ...new Set(
        delegatedScopes(input).flatMap((s) => {
          const c = applicationCounterpart(s);
          return c.kind === 'same-name'
            ? [c.permission.value]
            : c.kind === 'none' && c.suggestion
              ? [c.suggestion.value]
              : [];
        }),
      ),
    ];
    return [
      finding(
        'app_only.no_permissions',
        'info',
        'appOnlyPermissions',
        `The app-only test asks for ${defaultScopeText(input)}, which returns the application permissions already granted to the app with admin consent; its delegated scopes do not apply.${matching.length > 0 ? ` The application permissions matching this profile’s scopes are ${matching.join(', ')}.` : ''} Choose them here to check them.`,
      ),
    ];
  },
];
