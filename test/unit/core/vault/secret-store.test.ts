import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MemoryVault } from '../../../support/doubles';
import { createTestHost } from '../../../support/test-context';

const secret = 'Zq8~kP3.xY7_secretValue-123';

describe('secret store', () => {
  it('stores secrets encrypted: the vault file never holds the plain value', () => {
    const host = createTestHost();
    host.ctx.secrets.put('profile-1/clientSecret', secret);
    expect(host.ctx.secrets.get('profile-1/clientSecret')).toBe(secret);
    expect(readFileSync(join(host.dataDirectory, 'vault.json'), 'utf8')).not.toContain(secret);
    const reopened = createTestHost({ dataDirectory: host.dataDirectory, vault: host.vault });
    expect(reopened.ctx.secrets.get('profile-1/clientSecret')).toBe(secret);
  });

  it('says decrypt_failed when the keychain changed, and keeps the entry', () => {
    const host = createTestHost();
    host.ctx.secrets.put('p/s', secret);
    host.vault.rotateKey();
    expect(() => host.ctx.secrets.get('p/s')).toThrow(expect.objectContaining({ code: 'vault.decrypt_failed' }));
    expect(host.ctx.secrets.has('p/s')).toBe(true);
  });

  it('keeps secrets in memory only on basic_text unless the user opts in, and warns', () => {
    const host = createTestHost({ vault: new MemoryVault('basic_text') });
    host.ctx.secrets.put('p/s', secret);
    expect(host.ctx.secrets.status()).toMatchObject({ backend: 'basic_text', persistent: false });
    expect(host.ctx.notices.list().some((n) => n.id === 'vault.weak')).toBe(true);
    const vaultFile = JSON.parse(readFileSync(join(host.dataDirectory, 'vault.json'), 'utf8')) as { entries: object };
    expect(Object.keys(vaultFile.entries)).toEqual([]);
    host.ctx.settings.update({ allowPlainTextSecrets: true });
    host.ctx.secrets.put('p/s', secret);
    expect(host.ctx.secrets.status().persistent).toBe(true);
  });

  it('registers secrets with the log redactor', () => {
    const host = createTestHost();
    host.ctx.secrets.put('p/s', secret);
    host.ctx.log.info(`tried ${secret}`);
    expect(host.logLines.at(-1)).not.toContain(secret);
  });
});
