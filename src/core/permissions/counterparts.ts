import { findPermission, isSignInScope, type GraphPermission } from './catalog';

/** The application permission that matches a delegated scope, for admins who also want app-only access. */
export type ApplicationCounterpart =
  | { kind: 'same-name'; permission: GraphPermission }
  | { kind: 'sign-in-scope'; message: string }
  | { kind: 'none'; suggestion: GraphPermission | null; message: string }
  | { kind: 'unknown'; message: string };

/** Find the application form of a delegated permission, or say why there is none and what to use instead. */
export function applicationCounterpart(value: string): ApplicationCounterpart {
  const name = value.trim();
  if (isSignInScope(name)) {
    return {
      kind: 'sign-in-scope',
      message: `${name} is a sign-in scope: it only means something when a user signs in, so it has no application form.`,
    };
  }
  const same = findPermission(name, 'application');
  if (same) return { kind: 'same-name', permission: same };
  if (!findPermission(name, 'delegated')) {
    return { kind: 'unknown', message: `${name} is not a Microsoft Graph permission.` };
  }
  // Microsoft publishes the tenant-wide ".All" form as the application permission of per-user scopes (Files.Read → Files.Read.All).
  const suggestion = findPermission(`${name}.All`, 'application') ?? null;
  return {
    kind: 'none',
    suggestion,
    message: suggestion
      ? `${name} exists only as a delegated permission. For app-only access the nearest application permission is ${suggestion.value} (${suggestion.displayName.toLowerCase()}) — broader: it reaches every user's data, not one user's.`
      : `${name} exists only as a delegated permission; Microsoft Graph has no application permission for it.`,
  };
}
