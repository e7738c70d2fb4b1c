import type { ProfileFinding, SecretName } from '../../../shared/connections';
import { appRules } from './app-rules';
import { environmentRules } from './environment-rules';
import { identityRules } from './identity-rules';
import { scopeRules } from './scope-rules';
import { secretRules } from './secret-rules';
import type { ProfileFields, RuleInput, ValidationContext } from './types';

// Form order: who (name, client ID, tenant, UPN), where (domain, environment), credentials, then scopes.
const rules = [...identityRules, ...appRules, ...environmentRules, ...secretRules, ...scopeRules];

/** Check a profile field by field; secrets are looked at only for their shape and never appear in a message. */
export function validateProfile(profile: ProfileFields, context: ValidationContext = {}): ProfileFinding[] {
  const appOnlyTest = context.appOnlyTest ?? false;
  const input: RuleInput = {
    profile,
    now: context.now ?? new Date(),
    appOnlyTest,
    appOnly: appOnlyTest || profile.appOnlyPermissions.length > 0,
    secret: (name: SecretName) => {
      const typed = context.secretInputs?.[name];
      if (typeof typed === 'string' && typed !== '') return 'present';
      if (typed === null) return 'absent';
      const stored = context.storedSecrets?.[name];
      if (stored === undefined) return 'unknown';
      return stored === 'missing' ? 'absent' : 'present';
    },
    secretInput: (name: SecretName) => context.secretInputs?.[name] ?? undefined,
  };
  return rules.flatMap((rule) => rule(input));
}

/** True when no finding is an error. */
export function hasNoErrors(findings: readonly ProfileFinding[]): boolean {
  return findings.every((f) => f.severity !== 'error');
}
