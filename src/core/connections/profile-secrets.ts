import { secretNames, secretNamesFor, type AuthKind, type SecretName, type SecretState } from '../../shared/connections';
import { isWorkbenchError } from '../errors';
import type { SecretStore } from '../vault/secret-store';

/** The part of the secret vault profiles use. */
export type ProfileVault = Pick<SecretStore, 'put' | 'get' | 'has' | 'delete'>;

/** The vault id of a profile's secret: `profile/<id>/clientSecret`, `profile/<id>/pfx`, `profile/<id>/pfxPassword`. */
export function secretVaultId(profileId: string, name: SecretName): string {
  return `profile/${profileId}/${name}`;
}

/** Knows which secrets a profile has, without keeping any value. */
export class ProfileSecrets {
  private readonly states = new Map<string, SecretState>();
  /** Why an unreadable secret could not be read: `vault.unavailable` (no keychain now) or `vault.decrypt_failed`. */
  private readonly reasons = new Map<string, string>();

  constructor(private readonly vault: ProfileVault) {}

  /** stored, missing, or unreadable (the keychain cannot decrypt it); decrypts once per session and remembers only the state. */
  state(profileId: string, name: SecretName): SecretState {
    const id = secretVaultId(profileId, name);
    const known = this.states.get(id);
    if (known) return known;
    let state: SecretState = 'missing';
    if (this.vault.has(id)) {
      try {
        this.vault.get(id);
        state = 'stored';
      } catch (error) {
        if (!isWorkbenchError(error) || error.code === 'vault.not_found') state = 'missing';
        else {
          state = 'unreadable';
          this.reasons.set(id, error.code);
        }
      }
    }
    this.states.set(id, state);
    return state;
  }

  /** The states of the secrets an option uses. */
  statesFor(profileId: string, auth: AuthKind): Partial<Record<SecretName, SecretState>> {
    return Object.fromEntries(secretNamesFor[auth].map((name) => [name, this.state(profileId, name)]));
  }

  /** True when a secret of the profile is unreadable only because the keychain is not available right now. */
  keychainUnavailable(profileId: string, auth: AuthKind): boolean {
    return secretNamesFor[auth].some((name) => this.state(profileId, name) === 'unreadable' && this.reasons.get(secretVaultId(profileId, name)) === 'vault.unavailable');
  }

  /** Read a secret for copy, reveal or sign-in; throws `vault.not_found`, `vault.unavailable` or `vault.decrypt_failed`. */
  read(profileId: string, name: SecretName): string {
    return this.vault.get(secretVaultId(profileId, name));
  }

  /** Apply the form's secret inputs: a string sets, null removes, absent or empty keeps. */
  apply(profileId: string, inputs: Partial<Record<SecretName, string | null | undefined>>): void {
    for (const name of secretNames) {
      const value = inputs[name];
      if (typeof value === 'string' && value !== '') this.put(profileId, name, value);
      else if (value === null) this.remove(profileId, name);
    }
  }

  /** Store one secret. */
  put(profileId: string, name: SecretName, value: string): void {
    const id = secretVaultId(profileId, name);
    this.vault.put(id, value);
    this.states.set(id, 'stored');
    this.reasons.delete(id);
  }

  /** Forget one secret. */
  remove(profileId: string, name: SecretName): void {
    const id = secretVaultId(profileId, name);
    this.vault.delete(id);
    this.states.set(id, 'missing');
  }

  /** Forget the secrets an option does not use (after the option of a profile changed). */
  removeUnused(profileId: string, auth: AuthKind): void {
    for (const name of secretNames) if (!secretNamesFor[auth].includes(name)) this.remove(profileId, name);
  }

  /** Forget every secret of a profile. */
  removeAll(profileId: string): void {
    for (const name of secretNames) this.remove(profileId, name);
  }
}
