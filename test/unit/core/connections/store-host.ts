// Opens a ProfileStore over a temporary data folder with the real SecretStore and the MemoryVault double.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProfileStore } from '../../../../src/core/connections/profile-store';
import { Redactor } from '../../../../src/core/log/redact';
import { confBackendFactory } from '../../../../src/core/storage/conf-backend';
import { SecretStore } from '../../../../src/core/vault/secret-store';
import { MemoryVault } from '../../../support/doubles';
import { NOW } from './fixtures';

export interface StoreHost {
  store: ProfileStore;
  secrets: SecretStore;
  vault: MemoryVault;
  directory: string;
  reopen(): StoreHost;
}

/** A store on disk; `reopen` simulates an app restart on the same folder and keychain. */
export function openStore(options: { directory?: string; vault?: MemoryVault; now?: Date } = {}): StoreHost {
  const directory = options.directory ?? mkdtempSync(join(tmpdir(), 'gcw-profiles-'));
  const vault = options.vault ?? new MemoryVault();
  const backend = confBackendFactory(directory);
  const secrets = new SecretStore(vault, { directory, backend, redactor: new Redactor(), allowPlainText: () => false });
  const store = new ProfileStore({ directory, backend, vault: secrets, now: () => options.now ?? NOW });
  return { store, secrets, vault, directory, reopen: () => openStore({ directory, vault, now: options.now }) };
}
