import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLIENT_SECRET, drafts, PFX_BASE64, PFX_PASSWORD } from './fixtures';
import { redirectUriFor } from '../../../../src/shared/connections';
import { ProfileStore } from '../../../../src/core/connections/profile-store';
import { confBackendFactory } from '../../../../src/core/storage/conf-backend';
import { openStore } from './store-host';

const profilesFile = (directory: string) => readFileSync(join(directory, 'profiles.json'), 'utf8');

describe('profile store', () => {
  it('keeps profiles across a restart, secrets only in the vault', () => {
    const host = openStore();
    const cert = host.store.create({
      ...drafts.certificate(),
      secrets: { pfx: PFX_BASE64, pfxPassword: PFX_PASSWORD },
    });
    const cc = host.store.create({ ...drafts['client-credentials'](), secrets: { clientSecret: CLIENT_SECRET } });
    const byo = host.store.create({ ...drafts['byo-app'](), secrets: { clientSecret: CLIENT_SECRET } });
    expect(cert.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(byo.entry.profile).toMatchObject({ redirectUri: 'https://cloud.example.com/provisioning_/callback' });

    const json = profilesFile(host.directory);
    for (const secret of [CLIENT_SECRET, PFX_BASE64, PFX_PASSWORD]) expect(json).not.toContain(secret);
    expect(host.secrets.ids().sort()).toEqual(
      [
        `profile/${cert.entry.id}/pfx`,
        `profile/${cert.entry.id}/pfxPassword`,
        `profile/${cc.entry.id}/clientSecret`,
        `profile/${byo.entry.id}/clientSecret`,
      ].sort(),
    );

    const again = host.reopen();
    expect(again.store.list().map((e) => [e.name, e.status, e.secrets])).toEqual([
      ['Contoso certificate', 'ok', { pfx: 'stored', pfxPassword: 'stored' }],
      ['Contoso client credentials', 'ok', { clientSecret: 'stored' }],
      ['Contoso own app', 'ok', { clientSecret: 'stored' }],
    ]);
    expect(again.store.readSecret(cert.entry.id, 'pfxPassword')).toBe(PFX_PASSWORD);
    expect(again.store.readSecret(cc.entry.id, 'clientSecret')).toBe(CLIENT_SECRET);
  });

  it('searches by words across name, client ID, tenant, UPN, domain and option', () => {
    const { store } = openStore();
    store.create(drafts.certificate());
    store.create(drafts['byo-app']());
    expect(store.list('robot@contoso').map((e) => e.name)).toEqual(['Contoso certificate']);
    expect(store.list('CLOUD.example own').map((e) => e.name)).toEqual(['Contoso own app']);
    expect(store.list('bring your own').map((e) => e.name)).toEqual(['Contoso own app']);
    expect(store.list('contoso')).toHaveLength(2);
    expect(store.list('fabrikam')).toEqual([]);
  });

  it('updates fields, keeps stored secrets unless replaced or removed, and removes secrets the new option does not use', () => {
    const { store, secrets } = openStore();
    const { entry } = store.create({ ...drafts['client-credentials'](), secrets: { clientSecret: CLIENT_SECRET } });
    const kept = store.update(entry.id, {
      ...drafts['client-credentials'](),
      name: 'Renamed',
      secrets: { clientSecret: '' },
    });
    expect(kept.entry).toMatchObject({ name: 'Renamed', secrets: { clientSecret: 'stored' } });
    expect(
      store
        .update(entry.id, { ...drafts['client-credentials'](), secrets: { clientSecret: null } })
        .findings.map((f) => f.code),
    ).toContain('client_secret.missing');
    store.update(entry.id, { ...drafts['client-credentials'](), secrets: { clientSecret: CLIENT_SECRET } });
    const switched = store.update(entry.id, { ...drafts.certificate(), secrets: { pfx: PFX_BASE64 } });
    expect(switched.entry.secrets).toEqual({ pfx: 'stored', pfxPassword: 'missing' });
    expect(secrets.has(`profile/${entry.id}/clientSecret`)).toBe(false);
    expect(switched.entry.profile?.createdAt).toBe(entry.profile?.createdAt);
  });

  it('a save that changes nothing keeps the edit time; a changed field or secret moves it (the status reads it as changed since the test)', () => {
    let now = new Date('2026-01-15T00:00:00.000Z');
    const host = openStore();
    const store = new ProfileStore({
      directory: host.directory,
      backend: confBackendFactory(host.directory),
      vault: host.secrets,
      now: () => now,
    });
    const { entry } = store.create({ ...drafts['client-credentials'](), secrets: { clientSecret: CLIENT_SECRET } });
    now = new Date('2026-01-16T00:00:00.000Z');
    expect(
      store.update(entry.id, { ...drafts['client-credentials'](), secrets: { clientSecret: '' } }).entry.profile
        ?.updatedAt,
    ).toBe('2026-01-15T00:00:00.000Z');
    expect(
      store.update(entry.id, { ...drafts['client-credentials'](), scopes: ['Files.Read', 'offline_access'] }).entry
        .profile?.updatedAt,
    ).toBe('2026-01-16T00:00:00.000Z');
    now = new Date('2026-01-17T00:00:00.000Z');
    expect(
      store.update(entry.id, {
        ...drafts['client-credentials'](),
        scopes: ['Files.Read', 'offline_access'],
        secrets: { clientSecret: CLIENT_SECRET },
      }).entry.profile?.updatedAt,
    ).toBe('2026-01-17T00:00:00.000Z');
  });

  it('reduces a pasted https://host/ to the host, so the redirect URI is never https://https://…//provisioning_/callback', () => {
    const { store } = openStore();
    expect(redirectUriFor('https://cloud.example.com/')).toBe('https://cloud.example.com/provisioning_/callback');
    expect(redirectUriFor(' HTTPS://cloud.example.com/provisioning_/callback ')).toBe(
      'https://cloud.example.com/provisioning_/callback',
    );
    const saved = store.create({ ...drafts['byo-app'](), domain: 'https://cloud.example.com/' });
    expect(saved.entry.profile).toMatchObject({
      domain: 'cloud.example.com',
      redirectUri: 'https://cloud.example.com/provisioning_/callback',
    });
    expect(saved.findings.map((f) => f.code)).not.toContain('domain.has_scheme');
    expect(
      store.validateDraft({ ...drafts['byo-app'](), domain: 'https://cloud.example.com/' }).map((f) => f.field),
    ).not.toContain('domain');
  });

  it('refuses what the form cannot have sent (profile.invalid) and unknown ids (profile.not_found)', () => {
    const { store } = openStore();
    expect(() => store.create({ ...drafts['byo-app'](), audience: 'everyone' } as never)).toThrow(
      expect.objectContaining({ code: 'profile.invalid' }),
    );
    expect(() => store.create({ ...drafts['client-credentials'](), secrets: { pfx: 'x' } } as never)).toThrow(
      expect.objectContaining({ code: 'profile.invalid' }),
    );
    expect(() => store.get('0b7e8c1a-0000-4000-8000-000000000000')).toThrow(
      expect.objectContaining({ code: 'profile.not_found' }),
    );
  });

  it('duplicates a profile with its secrets under a new id', () => {
    const { store } = openStore();
    const { entry } = store.create({ ...drafts['byo-app'](), secrets: { clientSecret: CLIENT_SECRET } });
    const copy = store.duplicate(entry.id);
    expect(copy.entry.id).not.toBe(entry.id);
    expect(copy.entry.name).toBe('Contoso own app (copy)');
    expect(store.readSecret(copy.entry.id, 'clientSecret')).toBe(CLIENT_SECRET);
    expect(copy.skippedSecrets).toEqual([]);
  });

  it('deletes with undo; secrets survive until the delete is final, then leave the vault at the next start', () => {
    const host = openStore();
    const a = host.store.create({ ...drafts['client-credentials'](), secrets: { clientSecret: CLIENT_SECRET } }).entry;
    const b = host.store.create(drafts['byo-app']()).entry;
    host.store.delete(a.id);
    expect(host.store.list().map((e) => e.id)).toEqual([b.id]);
    expect(host.store.deleted()).toEqual([expect.objectContaining({ id: a.id, name: a.name })]);
    expect(host.secrets.has(`profile/${a.id}/clientSecret`)).toBe(true);
    host.store.restore(a.id);
    expect(host.store.list().map((e) => e.id)).toEqual([a.id, b.id]);
    expect(() => host.store.restore(a.id)).toThrow(expect.objectContaining({ code: 'profile.not_deleted' }));

    host.store.delete(a.id);
    const restarted = host.reopen();
    expect(restarted.store.list().map((e) => e.id)).toEqual([b.id]);
    expect(restarted.secrets.has(`profile/${a.id}/clientSecret`)).toBe(false);
    expect(() => restarted.store.restore(a.id)).toThrow(expect.objectContaining({ code: 'profile.not_deleted' }));
  });

  it('purgeDeleted makes deletes final at once', () => {
    const host = openStore();
    const a = host.store.create({ ...drafts['client-credentials'](), secrets: { clientSecret: CLIENT_SECRET } }).entry;
    host.store.delete(a.id);
    host.store.purgeDeleted();
    expect(host.secrets.has(`profile/${a.id}/clientSecret`)).toBe(false);
    expect(host.store.deleted()).toEqual([]);
  });

  it('lists a profile whose secret cannot be decrypted, with its other data and a flag', () => {
    const host = openStore();
    const { entry } = host.store.create({
      ...drafts['client-credentials'](),
      secrets: { clientSecret: CLIENT_SECRET },
    });
    host.vault.rotateKey();
    const again = host.reopen();
    const listed = again.store.get(entry.id);
    expect(listed).toMatchObject({
      status: 'ok',
      name: 'Contoso client credentials',
      secretsUnreadable: true,
      secrets: { clientSecret: 'unreadable' },
    });
    expect(listed.profile?.clientId).toBe(entry.profile?.clientId);
    expect(listed.problems.join(' ')).toMatch(/could not be decrypted.*Enter the secret again/);
    expect(() => again.store.readSecret(entry.id, 'clientSecret')).toThrow(
      expect.objectContaining({ code: 'vault.decrypt_failed' }),
    );
    again.store.update(entry.id, { ...drafts['client-credentials'](), secrets: { clientSecret: CLIENT_SECRET } });
    expect(again.store.get(entry.id).secretsUnreadable).toBe(false);
  });

  it('keeps hand-edited entries: unknown fields, a newer version, damaged entries — reported, never dropped', () => {
    const host = openStore();
    const { entry } = host.store.create(drafts['client-credentials']());
    const file = JSON.parse(profilesFile(host.directory)) as { profiles: unknown[] };
    const good = file.profiles[0] as Record<string, unknown>;
    good.colour = 'blue';
    file.profiles.push(
      {
        ...good,
        id: '11111111-2222-4333-8444-555555555555',
        name: 'From the future',
        schemaVersion: 7,
        newThing: { a: 1 },
      },
      { ...good, id: '22222222-2222-4333-8444-555555555555', name: 'Bad scopes', scopes: 'Files.Read' },
      { ...good, id: '33333333-2222-4333-8444-555555555555', name: 'Bad option', auth: 'password' },
      'not even an object',
    );
    writeFileSync(join(host.directory, 'profiles.json'), JSON.stringify(file));
    const again = host.reopen();
    const list = again.store.list();
    expect(list.map((e) => [e.name, e.status, e.editable])).toEqual([
      ['Contoso client credentials', 'ok', true],
      ['From the future', 'newer-version', false],
      ['Bad scopes', 'damaged', false],
      ['Bad option', 'damaged', false],
      ['Unreadable profile', 'damaged', false],
    ]);
    expect(list[0]?.unknownFields).toEqual(['colour']);
    expect(list[1]?.problems.join(' ')).toMatch(/newer version.*schema version 7/);
    expect(list[2]?.problems.join(' ')).toMatch(/“scopes” must be a list/);
    expect(list[3]?.problems.join(' ')).toMatch(/“auth” must be one of/);
    expect(again.store.notices.map((n) => n.id)).toContain('profiles.attention');
    expect(() => again.store.update('11111111-2222-4333-8444-555555555555', drafts['client-credentials']())).toThrow(
      expect.objectContaining({ code: 'profile.not_editable' }),
    );

    again.store.update(entry.id, { ...drafts['client-credentials'](), name: 'Edited' });
    const after = JSON.parse(profilesFile(again.directory)) as { profiles: unknown[] };
    expect(after.profiles).toHaveLength(5);
    expect(after.profiles[0]).toMatchObject({ name: 'Edited', colour: 'blue' });
    expect(after.profiles[1]).toMatchObject({ schemaVersion: 7, newThing: { a: 1 } });
    expect(after.profiles[2]).toMatchObject({ scopes: 'Files.Read' });
    expect(after.profiles[4]).toBe('not even an object');

    const copy = again.store.duplicate('22222222-2222-4333-8444-555555555555');
    expect(copy.entry).toMatchObject({ status: 'ok', name: 'Bad scopes (copy)', profile: { scopes: [] } });
  });

  it('recovers from a damaged profiles.json and says so', () => {
    const host = openStore();
    host.store.create(drafts['client-credentials']());
    writeFileSync(join(host.directory, 'profiles.json'), '{"version":1,"profiles":[{"na');
    const again = host.reopen();
    expect(again.store.notices.map((n) => n.id)).toContain('storage.recovered.profiles');
    expect(again.store.list().map((e) => e.name)).toEqual(['Contoso client credentials']);
  });

  it('validates a stored profile with what the vault holds, stored secrets checked for shape only', () => {
    const { store } = openStore();
    const { entry } = store.create({
      ...drafts['client-credentials'](),
      secrets: { clientSecret: '8e1f3c2a-1111-4222-8333-944455556666' },
    });
    const findings = store.validate(entry.id, { appOnlyTest: true });
    expect(findings.map((f) => f.code)).toEqual(
      expect.arrayContaining(['client_secret.looks_like_secret_id', 'app_only.no_permissions']),
    );
    expect(JSON.stringify(findings)).not.toContain('8e1f3c2a-1111');
  });
});
