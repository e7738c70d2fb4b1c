import type {
  FindingSeverity,
  ProfileFinding,
  ProfileFindingCode,
  ProfileInput,
  SecretName,
  SecretState,
} from '../../../shared/connections';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** The fields validation reads: a stored profile, a form's input or a profile file all fit. */
export type ProfileFields = DistributiveOmit<ProfileInput, 'secrets'> & { redirectUri?: string };

/** Facts outside the profile that some rules need. */
export interface ValidationContext {
  now?: Date;
  /** Secrets as the form holds them: inspected for shape only, never copied into a message. */
  secretInputs?: Partial<Record<SecretName, string | null>>;
  /** What the vault holds for this profile; leave out when unknown (a profile file on its own). */
  storedSecrets?: Partial<Record<SecretName, SecretState>>;
  /** An app-only test (client credentials grant) is about to run. */
  appOnlyTest?: boolean;
}

/** What a rule sees. */
export interface RuleInput {
  profile: ProfileFields;
  now: Date;
  /** True when app-only access is asked for: application permissions chosen or an app-only test requested. */
  appOnly: boolean;
  appOnlyTest: boolean;
  /** Whether a secret will be there after saving: present, absent, or unknown (no vault information). */
  secret: (name: SecretName) => 'present' | 'absent' | 'unknown';
  /** The value typed in the form, when there is one. */
  secretInput: (name: SecretName) => string | undefined;
}

/** A validation rule: returns its findings. */
export type Rule = (input: RuleInput) => ProfileFinding[];

/** Build a finding. */
export function finding(
  code: ProfileFindingCode,
  severity: FindingSeverity,
  field: string,
  message: string,
): ProfileFinding {
  return { code, severity, field, message };
}
