// The vault port of `gcw ui`: a random 256-bit key kept in the OS keychain (macOS Keychain, Windows Credential
// Manager, the Secret Service of GNOME Keyring or KDE Wallet, through @napi-rs/keyring), and AES-256-GCM with it
// here — the way Electron's safeStorage keeps its key in the keychain. Without a reachable keychain the port says
// so (isEncryptionAvailable false) and the SecretStore keeps secrets in memory for the session, with its warning.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type * as KeyringModule from '@napi-rs/keyring';
import type { VaultPort } from '../../core/vault/vault-port';

/** One keychain entry holding the vault key (base64): @napi-rs/keyring's Entry, or a memory double in tests. */
export interface KeychainEntry {
  getPassword(): string | null;
  setPassword(value: string): void;
}

/** The keychain's name as the About page shows it, for this platform. */
export function keychainBackendName(platform: NodeJS.Platform = process.platform): string {
  if (platform === 'darwin') return 'macos_keychain';
  if (platform === 'win32') return 'credential_manager';
  return 'secret_service';
}

const KEY_BYTES = 32;

/** AES-256-GCM with the key from the keychain; `failure` says why the keychain could not be used. */
export class KeychainVault implements VaultPort {
  private readonly key: Buffer | null = null;
  /** Why secrets stay in memory (no keychain, locked, refused), or null. */
  readonly failure: string | null = null;

  /** `open` creates the entry; it may throw (no D-Bus session, no Secret Service, a locked keychain). */
  constructor(
    open: () => KeychainEntry,
    private readonly backendName: string = keychainBackendName(),
  ) {
    try {
      const entry = open();
      let stored = entry.getPassword();
      if (stored === null) {
        entry.setPassword(randomBytes(KEY_BYTES).toString('base64'));
        // Read it back: a keychain that accepts a write it cannot return would lose every secret at the next start.
        stored = entry.getPassword();
        if (stored === null) throw new Error('the keychain did not return the key it was given');
      }
      const key = Buffer.from(stored, 'base64');
      if (key.length !== KEY_BYTES) throw new Error('the keychain entry does not hold a 256-bit key');
      this.key = key;
    } catch (error) {
      this.failure = error instanceof Error ? error.message : String(error);
    }
  }

  backend(): string {
    return this.key ? this.backendName : 'unavailable';
  }

  isEncryptionAvailable(): boolean {
    return this.key !== null;
  }

  encrypt(plain: string): Buffer {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.requireKey(), iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]);
  }

  decrypt(data: Buffer): string {
    if (data.length < 28) throw new Error('The ciphertext is too short.');
    const decipher = createDecipheriv('aes-256-gcm', this.requireKey(), data.subarray(0, 12));
    decipher.setAuthTag(data.subarray(12, 28));
    return Buffer.concat([decipher.update(data.subarray(28)), decipher.final()]).toString('utf8');
  }

  private requireKey(): Buffer {
    if (!this.key) throw new Error(`The OS keychain is not available: ${this.failure ?? 'unknown reason'}`);
    return this.key;
  }
}

/** The service and account the key is stored under: one key per data folder, named so a person recognises it. */
export function keychainEntryName(dataDirectory: string): { service: string; account: string } {
  return { service: 'Graph Connection Workbench (gcw ui)', account: `vault key for ${dataDirectory}` };
}

/**
 * Open the real keychain entry with @napi-rs/keyring (a native module with prebuilt binaries in its npm packages,
 * loaded only here). On Linux the Secret Service is required: the kernel keyring it would fall back to forgets the
 * key at logout, and every stored secret with it.
 */
export async function openSystemKeychain(dataDirectory: string): Promise<KeychainVault> {
  let keyring: typeof KeyringModule;
  try {
    keyring = await import('@napi-rs/keyring');
  } catch (error) {
    const reason = `the keychain library could not be loaded (${error instanceof Error ? error.message : String(error)})`;
    return new KeychainVault(() => {
      throw new Error(reason);
    });
  }
  const { service, account } = keychainEntryName(dataDirectory);
  return new KeychainVault(() => new keyring.Entry(service, account, { linux: { store: 'secret-service' } }));
}
