// Run as a process (node --import tsx): `put DIR SECRET` stores a secret through gcw ui's vault on the real OS
// keychain; `get DIR` reads it back in a new process. Prints the vault's status and the secret read as JSON.
import { createLogger } from '../../src/core/log/logger';
import { confBackendFactory } from '../../src/core/storage/conf-backend';
import { SecretStore } from '../../src/core/vault/secret-store';
import { openSystemKeychain } from '../../src/web-host/adapters/keyring-vault';

const [mode, dir, secret] = process.argv.slice(2) as [string, string, string | undefined];
const vault = await openSystemKeychain(dir);
const store = new SecretStore(vault, {
  directory: dir,
  backend: confBackendFactory(dir),
  redactor: createLogger().redactor,
  allowPlainText: () => false,
});
if (mode === 'put') store.put('probe/secret', secret ?? '');
process.stdout.write(
  `${JSON.stringify({ status: store.status(), failure: vault.failure, read: mode === 'get' ? store.get('probe/secret') : null })}\n`,
);
