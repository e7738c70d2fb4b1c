import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTestHost } from '../../../support/test-context';

describe('settings', () => {
  it('starts with defaults and keeps a change across a restart', () => {
    const first = createTestHost();
    expect(first.ctx.settings.get()).toMatchObject({
      theme: 'system',
      clipboardClearSeconds: 60,
      defaultEnvironment: 'office365',
    });
    first.ctx.settings.update({ theme: 'dark', clipboardClearSeconds: 30 });
    const second = createTestHost({ dataDirectory: first.dataDirectory });
    expect(second.ctx.settings.get()).toMatchObject({ theme: 'dark', clipboardClearSeconds: 30 });
    expect(second.ctx.notices.list().filter((n) => n.id.startsWith('storage.'))).toEqual([]);
  });

  it('moves a corrupt file aside, restores the last good copy and tells the user', () => {
    const first = createTestHost();
    first.ctx.settings.update({ theme: 'light' });
    writeFileSync(join(first.dataDirectory, 'settings.json'), '{"version":1,"theme":"da');
    const second = createTestHost({ dataDirectory: first.dataDirectory });
    expect(second.ctx.settings.get().theme).toBe('light');
    const notice = second.ctx.notices.list().find((n) => n.id === 'storage.recovered.settings');
    expect(notice?.message).toContain('last good copy was restored');
    const aside = readdirSync(first.dataDirectory).filter((f) => f.startsWith('settings.corrupt-'));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(first.dataDirectory, aside[0]!), 'utf8')).toBe('{"version":1,"theme":"da');
  });

  it('uses defaults when both the file and its backup are unreadable', () => {
    const first = createTestHost();
    writeFileSync(join(first.dataDirectory, 'settings.json'), 'garbage');
    writeFileSync(join(first.dataDirectory, 'settings.json.bak'), 'garbage');
    const second = createTestHost({ dataDirectory: first.dataDirectory });
    expect(second.ctx.settings.get().theme).toBe('system');
    expect(second.ctx.notices.list().find((n) => n.id === 'storage.recovered.settings')?.message).toContain(
      'Defaults are used',
    );
  });

  it('keeps valid fields of a hand-edited file and resets only the broken ones', () => {
    const first = createTestHost();
    writeFileSync(
      join(first.dataDirectory, 'settings.json'),
      JSON.stringify({ version: 1, theme: 'dark', clipboardClearSeconds: -4, defaultEnvironment: 'mars' }),
    );
    const second = createTestHost({ dataDirectory: first.dataDirectory });
    expect(second.ctx.settings.get()).toMatchObject({
      theme: 'dark',
      clipboardClearSeconds: 60,
      defaultEnvironment: 'office365',
    });
    const notice = second.ctx.notices.list().find((n) => n.id === 'storage.repaired.settings');
    expect(notice?.message).toContain('clipboardClearSeconds');
    expect(notice?.message).toContain('defaultEnvironment');
  });

  it('keeps a copy of a file written by a newer version before using it', () => {
    const first = createTestHost();
    writeFileSync(
      join(first.dataDirectory, 'settings.json'),
      JSON.stringify({ version: 9, theme: 'dark', futureField: 1 }),
    );
    const second = createTestHost({ dataDirectory: first.dataDirectory });
    expect(second.ctx.settings.get().theme).toBe('dark');
    expect(readdirSync(first.dataDirectory).some((f) => f.startsWith('settings.newer-v9-'))).toBe(true);
  });

  it('refuses a default folder that does not exist', () => {
    const host = createTestHost();
    expect(() => host.ctx.settings.update({ defaultSaveFolder: join(host.dataDirectory, 'missing') })).toThrow(
      /does not exist/,
    );
    expect(existsSync(join(host.dataDirectory, 'settings.json'))).toBe(true);
  });
});
