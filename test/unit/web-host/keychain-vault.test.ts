// The gcw ui vault: a key in the OS keychain, AES-256-GCM here; without a keychain, secrets in memory with the
// desktop app's warning. Against a memory double of the keychain entry (the real Secret Service:
// test/integration/web-host/secret-service.test.ts).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/core/log/logger';
import { confBackendFactory } from '../../../src/core/storage/conf-backend';
import { SecretStore } from '../../../src/core/vault/secret-store';
import {
  keychainBackendName,
  keychainEntryName,
  KeychainVault,
  type KeychainEntry,
} from '../../../src/web-host/adapters/keyring-vault';

/** A keychain entry in memory; counts writes. */
class MemoryEntry implements KeychainEntry {
  value: string | null = null;
  writes = 0;
  getPassword() {
    return this.value;
  }
  setPassword(value: string) {
    this.writes += 1;
    this.value = value;
  }
}

function store(vault: KeychainVault, directory = mkdtempSync(join(tmpdir(), 'gcw-kv-'))) {
  return new SecretStore(vault, {
    directory,
    backend: confBackendFactory(directory),
    redactor: createLogger().redactor,
    allowPlainText: () => false,
  });
}

describe('KeychainVault', () => {
  it('creates a 256-bit key in the keychain once and reads it back at the next start, so stored secrets survive a restart', () => {
    const entry = new MemoryEntry();
    const dir = mkdtempSync(join(tmpdir(), 'gcw-kv-'));
    const first = new KeychainVault(() => entry, 'secret_service');
    expect(first.isEncryptionAvailable()).toBe(true);
    expect(Buffer.from(entry.value!, 'base64')).toHaveLength(32);
    store(first, dir).put('profile/a/clientSecret', 'abc~Secret.Value_123');
    const second = new KeychainVault(() => entry, 'secret_service');
    expect(entry.writes).toBe(1);
    const reopened = store(second, dir);
    expect(reopened.get('profile/a/clientSecret')).toBe('abc~Secret.Value_123');
    expect(reopened.status()).toMatchObject({ backend: 'secret_service', persistent: true, warning: null });
  });

  it('keeps the secret off the disk in clear: the vault file holds AES-GCM ciphertext that another key cannot open', () => {
    const vault = new KeychainVault(() => new MemoryEntry());
    const cipher = vault.encrypt('abc~Secret.Value_123');
    expect(cipher.toString('latin1')).not.toContain('Secret.Value');
    expect(vault.decrypt(cipher)).toBe('abc~Secret.Value_123');
    expect(() => new KeychainVault(() => new MemoryEntry()).decrypt(cipher)).toThrow();
  });

  it('without a reachable keychain keeps secrets in memory for the session, with the warning the desktop app shows', () => {
    const vault = new KeychainVault(() => {
      throw new Error('Platform failure: no D-Bus session');
    });
    expect(vault.isEncryptionAvailable()).toBe(false);
    expect(vault.failure).toBe('Platform failure: no D-Bus session');
    const secrets = store(vault);
    secrets.put('profile/a/clientSecret', 'abc~Secret.Value_123');
    expect(secrets.get('profile/a/clientSecret')).toBe('abc~Secret.Value_123');
    expect(secrets.status()).toEqual({
      backend: 'unavailable',
      description: 'No OS encryption available',
      persistent: false,
      warning:
        'No OS keychain is available: secrets are kept in memory for this session only and must be entered again after a restart.',
    });
  });

  it('refuses a keychain that keeps no key or a damaged one (the vault would lose every secret at the next start)', () => {
    const forgetful: KeychainEntry = { getPassword: () => null, setPassword: () => undefined };
    expect(new KeychainVault(() => forgetful).failure).toBe('the keychain did not return the key it was given');
    const damaged = new MemoryEntry();
    damaged.value = Buffer.alloc(16).toString('base64');
    expect(new KeychainVault(() => damaged).failure).toBe('the keychain entry does not hold a 256-bit key');
  });

  it('names the keychain per platform and the entry per data folder', () => {
    expect([keychainBackendName('darwin'), keychainBackendName('win32'), keychainBackendName('linux')]).toEqual([
      'macos_keychain',
      'credential_manager',
      'secret_service',
    ]);
    expect(keychainEntryName('/home/ann/.config/x')).toEqual({
      service: 'Graph Connection Workbench (gcw ui)',
      account: 'vault key for /home/ann/.config/x',
    });
  });
});
