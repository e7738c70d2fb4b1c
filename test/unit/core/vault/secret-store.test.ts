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

  it('turning weak storage off takes every secret off the disk at once (vault.json and its .bak); they stay for this session', () => {
    const host = createTestHost({ vault: new MemoryVault('basic_text') });
    host.ctx.settings.update({ allowPlainTextSecrets: true });
    host.ctx.secrets.put('p/s', secret);
    host.ctx.secrets.put('p/t', 'second-secret-value');
    const file = join(host.dataDirectory, 'vault.json');
    const cipher =
      (JSON.parse(readFileSync(file, 'utf8')) as { entries: Record<string, { cipher: string }> }).entries['p/s']
        ?.cipher ?? '';
    expect(cipher).not.toBe('');
    expect(readFileSync(`${file}.bak`, 'utf8')).toContain(cipher);

    host.ctx.settings.update({ allowPlainTextSecrets: false });
    for (const path of [file, `${file}.bak`]) {
      const text = readFileSync(path, 'utf8');
      expect(text, path).not.toContain(cipher);
      expect(Object.keys((JSON.parse(text) as { entries: object }).entries), path).toEqual([]);
    }
    expect(host.ctx.secrets.get('p/s')).toBe(secret);
    expect(host.ctx.secrets.status().persistent).toBe(false);

    host.ctx.settings.update({ allowPlainTextSecrets: true });
    const back = createTestHost({ dataDirectory: host.dataDirectory, vault: host.vault });
    back.ctx.settings.update({ allowPlainTextSecrets: true });
    expect(back.ctx.secrets.get('p/t')).toBe('second-secret-value');
  });

  it('a keychain that is only unavailable keeps what is on disk when settings change', () => {
    const host = createTestHost();
    host.ctx.secrets.put('p/s', secret);
    host.vault.available = false;
    host.ctx.settings.update({ allowPlainTextSecrets: false, clipboardClearSeconds: 30 });
    host.vault.available = true;
    expect(host.ctx.secrets.get('p/s')).toBe(secret);
    expect(readFileSync(join(host.dataDirectory, 'vault.json'), 'utf8')).toContain('p/s');
  });
});
