import { safeStorage } from 'electron';
import type { VaultPort } from '../../core/vault/vault-port';

/** The vault port on Electron safeStorage (Keychain, DPAPI, libsecret/KWallet). */
export function safeStorageVault(): VaultPort {
  return {
    backend() {
      if (process.platform === 'darwin') return 'keychain';
      if (process.platform === 'win32') return 'dpapi';
      return safeStorage.getSelectedStorageBackend();
    },
    isEncryptionAvailable: () => safeStorage.isEncryptionAvailable(),
    encrypt: (plain) => safeStorage.encryptString(plain),
    decrypt: (cipher) => safeStorage.decryptString(cipher),
  };
}
