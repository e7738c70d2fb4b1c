import {
  secretNames,
  secretNamesFor,
  type AuthKind,
  type SecretName,
  type SecretState,
} from '../../shared/connections';
import { isWorkbenchError } from '../errors';
import type { SecretStore } from '../vault/secret-store';

/** The part of the secret vault profiles use. */
export type ProfileVault = Pick<SecretStore, 'put' | 'get' | 'has' | 'delete' | 'registerSecret' | 'persistent'>;

/** The vault id of a profile's secret: `profile/<id>/clientSecret`, `profile/<id>/pfx`, `profile/<id>/pfxPassword`. */
export function secretVaultId(profileId: string, name: SecretName): string {
  return `profile/${profileId}/${name}`;
}

/** A stored secret and the hosts (see `secretHostsKey`) it was saved for; `hosts` is null for a secret saved before secrets were bound. */
export interface BoundSecret {
  value: string;
  hosts: string | null;
}

const envelopeStart = '{"gcwSecret":1,';

/** The vault holds `{"gcwSecret":1,"hosts":…,"value":…}`, so the binding is encrypted with the secret and cannot be edited apart from it. */
function wrap(value: string, hosts: string): string {
  return JSON.stringify({ gcwSecret: 1, hosts, value });
}

function unwrap(stored: string): BoundSecret {
  if (stored.startsWith(envelopeStart)) {
    try {
      const parsed = JSON.parse(stored) as { hosts?: unknown; value?: unknown };
      if (typeof parsed.hosts === 'string' && typeof parsed.value === 'string')
        return { value: parsed.value, hosts: parsed.hosts };
    } catch {
      // Not an envelope after all: a secret that happens to start like one.
    }
  }
  return { value: stored, hosts: null };
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
        this.bound(profileId, name);
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
    return secretNamesFor[auth].some(
      (name) =>
        this.state(profileId, name) === 'unreadable' &&
        this.reasons.get(secretVaultId(profileId, name)) === 'vault.unavailable',
    );
  }

  /** Read a secret for copy, reveal or sign-in; throws `vault.not_found`, `vault.unavailable` or `vault.decrypt_failed`. */
  read(profileId: string, name: SecretName): string {
    return this.bound(profileId, name).value;
  }

  /** A secret with the hosts it was saved for. */
  bound(profileId: string, name: SecretName): BoundSecret {
    const secret = unwrap(this.vault.get(secretVaultId(profileId, name), { redact: false }));
    this.vault.registerSecret(secret.value);
    return secret;
  }

  /** Apply the form's secret inputs for a profile using `hosts`: a string sets, null removes, absent or empty keeps. Returns the names set. */
  apply(
    profileId: string,
    inputs: Partial<Record<SecretName, string | null | undefined>>,
    hosts: string,
  ): SecretName[] {
    const set: SecretName[] = [];
    for (const name of secretNames) {
      const value = inputs[name];
      if (typeof value === 'string' && value !== '') {
        this.put(profileId, name, value, hosts);
        set.push(name);
      } else if (value === null) this.remove(profileId, name);
    }
    return set;
  }

  /** Store one secret, bound to the hosts it may be sent to. */
  put(profileId: string, name: SecretName, value: string, hosts: string): void {
    const id = secretVaultId(profileId, name);
    this.vault.registerSecret(value);
    this.vault.put(id, wrap(value, hosts), { redact: false });
    this.states.set(id, 'stored');
    this.reasons.delete(id);
  }

  /** Bind secrets saved before secrets were bound to the hosts their profile uses now (only where the vault writes to disk). */
  bindLegacy(profileId: string, auth: AuthKind, hosts: string): void {
    if (!this.vault.persistent()) return;
    for (const name of secretNamesFor[auth]) {
      if (this.state(profileId, name) !== 'stored') continue;
      const secret = this.bound(profileId, name);
      if (secret.hosts === null) this.put(profileId, name, secret.value, hosts);
    }
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
