// Storage under damage, through the contract the renderer uses: a corrupt profiles or vault file is recovered from its
// backup and the user is told; when the OS keychain is unavailable or can no longer decrypt, every other field of
// every profile survives, the user is told why the secrets cannot be used, nothing is deleted, and the secrets come
// back with the keychain.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Notice } from '../../../../src/shared/contract/app';
import type { ProfileListItem, SavedProfileResult } from '../../../../src/shared/contract/profiles';
import type { VerifyRun } from '../../../../src/shared/contract/verify';
import { CLIENT_SECRET, drafts, PFX_BASE64, PFX_PASSWORD } from '../connections/fixtures';
import { openContractHost, type ContractHost } from './contract-host';

async function seed(h: ContractHost) {
  const cc = await h.ok<SavedProfileResult>('profiles.create', {
    ...drafts['client-credentials'](),
    notes: 'Robot for the finance share',
    secrets: { clientSecret: CLIENT_SECRET },
  });
  const byo = await h.ok<SavedProfileResult>('profiles.create', {
    ...drafts['byo-app'](),
    secrets: { clientSecret: CLIENT_SECRET },
  });
  const cert = await h.ok<SavedProfileResult>('profiles.create', {
    ...drafts.certificate(),
    secrets: { pfx: PFX_BASE64, pfxPassword: PFX_PASSWORD },
  });
  return { cc: cc.entry.id, byo: byo.entry.id, cert: cert.entry.id };
}

/** Every profile as the list shows it, without the secret states (those are what changes). */
async function profilesWithoutSecrets(h: ContractHost) {
  const list = await h.ok<ProfileListItem[]>('profiles.list', {});
  return list.map((i) => ({ id: i.entry.id, name: i.entry.name, status: i.entry.status, profile: i.entry.profile }));
}

describe('a damaged file is recovered from its backup', () => {
  it('profiles.json cut short: the profiles come back from profiles.json.bak, the damaged file is kept, a notice says so', async () => {
    const h = openContractHost();
    const ids = await seed(h);
    const before = await profilesWithoutSecrets(h);
    const text = readFileSync(join(h.dataDirectory, 'profiles.json'), 'utf8');
    writeFileSync(join(h.dataDirectory, 'profiles.json'), text.slice(0, Math.floor(text.length / 2)));
    const after = h.restart();
    expect(await profilesWithoutSecrets(after)).toEqual(before);
    const notice = (await after.ok<Notice[]>('app.notices', {})).find((n) => n.id === 'storage.recovered.profiles');
    expect(notice).toMatchObject({ severity: 'warning', title: 'The connection profiles file could not be read' });
    expect(notice?.message).toContain('The last good copy was restored');
    const aside = readdirSync(h.dataDirectory).filter((f) => f.startsWith('profiles.corrupt-'));
    expect(aside).toHaveLength(1);
    expect(notice?.message).toContain(aside[0]);
    expect(readFileSync(join(h.dataDirectory, aside[0]!), 'utf8')).toBe(text.slice(0, Math.floor(text.length / 2)));
    expect(await after.ok('profiles.revealSecret', { id: ids.cert, name: 'pfxPassword' })).toEqual({
      value: PFX_PASSWORD,
    });
  });

  it('vault.json overwritten with garbage: the secrets come back from vault.json.bak', async () => {
    const h = openContractHost();
    const ids = await seed(h);
    writeFileSync(join(h.dataDirectory, 'vault.json'), '\u0000\u0000garbage');
    const after = h.restart();
    expect((await after.ok<ProfileListItem[]>('profiles.list', {})).map((i) => i.entry.secrets)).toEqual([
      { clientSecret: 'stored' },
      { clientSecret: 'stored' },
      { pfx: 'stored', pfxPassword: 'stored' },
    ]);
    expect(await after.ok('profiles.revealSecret', { id: ids.cc, name: 'clientSecret' })).toEqual({
      value: CLIENT_SECRET,
    });
    expect((await after.ok<Notice[]>('app.notices', {})).map((n) => n.id)).toContain('storage.recovered.vault');
  });

  it('file and backup both unreadable: an empty list, the damaged file kept aside, and the user told that defaults are used', async () => {
    const h = openContractHost();
    await seed(h);
    writeFileSync(join(h.dataDirectory, 'profiles.json'), '{"version":1,"profiles":[{"id"');
    writeFileSync(join(h.dataDirectory, 'profiles.json.bak'), 'not json either');
    const after = h.restart();
    expect(await after.ok<ProfileListItem[]>('profiles.list', {})).toEqual([]);
    const notice = (await after.ok<Notice[]>('app.notices', {})).find((n) => n.id === 'storage.recovered.profiles');
    expect(notice?.message).toContain('Defaults are used');
    expect(readdirSync(h.dataDirectory).filter((f) => f.startsWith('profiles.corrupt-'))).toHaveLength(1);
  });
});

describe('the OS keychain is unavailable', () => {
  it('keeps every other field, says why the secrets cannot be used, deletes nothing, and has them back with the keychain', async () => {
    const h = openContractHost();
    const ids = await seed(h);
    const before = await profilesWithoutSecrets(h);
    const vaultBefore = JSON.parse(readFileSync(join(h.dataDirectory, 'vault.json'), 'utf8')) as {
      entries: Record<string, unknown>;
    };

    h.vault.available = false;
    const locked = h.restart();
    expect(await profilesWithoutSecrets(locked)).toEqual(before);
    const list = await locked.ok<ProfileListItem[]>('profiles.list', {});
    expect(list.map((i) => i.entry.secrets)).toEqual([
      { clientSecret: 'unreadable' },
      { clientSecret: 'unreadable' },
      { pfx: 'unreadable', pfxPassword: 'unreadable' },
    ]);
    for (const item of list) {
      expect(item.entry.secretsUnreadable).toBe(true);
      expect(item.entry.problems.join(' ')).toMatch(/keychain is not available/i);
    }
    const notices = await locked.ok<Notice[]>('app.notices', {});
    expect(notices.find((n) => n.id === 'vault.weak')?.message).toContain('No OS keychain is available');
    expect(notices.find((n) => n.id === 'vault.unreadable')).toMatchObject({
      severity: 'warning',
      message: expect.stringContaining('3 connection profiles'),
    });

    // Every use of a secret says what happened and what to do, instead of failing silently.
    for (const [method, input] of [
      ['profiles.revealSecret', { id: ids.cc, name: 'clientSecret' }],
      ['profiles.copySheetField', { id: ids.byo, key: 'clientSecret' }],
      ['profiles.duplicate', { id: ids.cert }],
    ] as const) {
      const result = await locked.call(method, input);
      if (method === 'profiles.duplicate') {
        expect(result).toMatchObject({ ok: true, value: { skippedSecrets: ['pfx', 'pfxPassword'] } });
        continue;
      }
      expect(result, method).toMatchObject({
        ok: false,
        error: { code: 'vault.unavailable', message: expect.stringContaining('keychain is not available') },
      });
    }
    const manifest = {
      fileName: 'm.json',
      text: readFileSync(
        join(import.meta.dirname, '../../../fixtures/manifests/02_graph-format_msgraph-docs_application-get.json'),
        'utf8',
      ),
    };
    expect(await locked.call('verify.run', { profileId: ids.cert, manifest, pfx: 'profile' })).toMatchObject({
      ok: false,
      error: { code: 'vault.unavailable' },
    });
    const verify = await locked.ok<VerifyRun>('verify.run', { profileId: ids.cc, manifest });
    expect(verify.notes.join(' ')).toContain('The stored client secret could not be read');

    // Editing a profile while the keychain is away changes its fields and keeps its stored secrets on disk.
    await locked.ok('profiles.update', {
      id: ids.cc,
      profile: { ...drafts['client-credentials'](), name: 'Renamed while locked', secrets: {} },
    });
    const vaultLocked = JSON.parse(readFileSync(join(h.dataDirectory, 'vault.json'), 'utf8')) as {
      entries: Record<string, unknown>;
    };
    expect(Object.keys(vaultLocked.entries).sort()).toEqual(Object.keys(vaultBefore.entries).sort());

    h.vault.available = true;
    const back = h.restart();
    expect(await back.ok('profiles.revealSecret', { id: ids.cc, name: 'clientSecret' })).toEqual({
      value: CLIENT_SECRET,
    });
    expect(await back.ok('profiles.revealSecret', { id: ids.cert, name: 'pfxPassword' })).toEqual({
      value: PFX_PASSWORD,
    });
    expect((await back.ok<ProfileListItem[]>('profiles.list', {}))[0]?.entry).toMatchObject({
      name: 'Renamed while locked',
      secretsUnreadable: false,
    });
    expect((await back.ok<Notice[]>('app.notices', {})).map((n) => n.id)).not.toContain('vault.unreadable');
  });

  it('a keychain that can no longer decrypt (new user account, reset keychain): fields kept, the user told at start and on the profile', async () => {
    const h = openContractHost();
    const ids = await seed(h);
    const before = await profilesWithoutSecrets(h);
    h.vault.rotateKey();
    const after = h.restart();
    expect(await profilesWithoutSecrets(after)).toEqual(before);
    const cc = (await after.ok<ProfileListItem[]>('profiles.list', {})).find((i) => i.entry.id === ids.cc)!;
    expect(cc.entry.problems.join(' ')).toContain('could not be decrypted');
    expect((await after.ok<Notice[]>('app.notices', {})).find((n) => n.id === 'vault.unreadable')?.message).toContain(
      '3 connection profiles',
    );
    expect(await after.call('profiles.revealSecret', { id: ids.cc, name: 'clientSecret' })).toMatchObject({
      ok: false,
      error: { code: 'vault.decrypt_failed', message: expect.stringContaining('Enter the secret again') },
    });
    // Entering the secret again repairs the profile.
    await after.ok('profiles.update', {
      id: ids.cc,
      profile: { ...drafts['client-credentials'](), secrets: { clientSecret: CLIENT_SECRET } },
    });
    expect(await after.ok('profiles.revealSecret', { id: ids.cc, name: 'clientSecret' })).toEqual({
      value: CLIENT_SECRET,
    });
  });
});
