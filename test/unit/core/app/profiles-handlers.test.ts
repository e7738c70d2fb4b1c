// The Connections contract through the dispatcher: persistence, secrets kept out of results, copy with auto-clear, files.
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contract } from '../../../../src/shared/contract';
import type {
  ConnectionSheetView,
  ProfileDetails,
  ProfileListItem,
  SavedProfileResult,
} from '../../../../src/shared/contract/profiles';
import type { ExpiryRow, ProfileFinding } from '../../../../src/shared/connections';
import { CERTIFICATE, CLIENT_SECRET, drafts, PFX_BASE64, PFX_PASSWORD, TENANT_ID } from '../connections/fixtures';
import { openContractHost, type ContractHost } from './contract-host';

const secretsAll = [CLIENT_SECRET, PFX_BASE64, PFX_PASSWORD, Buffer.from(PFX_BASE64, 'base64').toString('hex')];

function codes(findings: ProfileFinding[]) {
  return findings.map((f) => f.code);
}

async function seed(h: ContractHost) {
  const cc = await h.ok<SavedProfileResult>('profiles.create', {
    ...drafts['client-credentials'](),
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

function expectNoSecret(value: unknown) {
  const text = JSON.stringify(value);
  for (const secret of secretsAll) expect(text).not.toContain(secret);
}

describe('profiles contract', () => {
  it('keeps profiles and secrets across a restart: JSON without secrets, secrets in the vault', async () => {
    const h = openContractHost();
    const ids = await seed(h);
    const stored = readFileSync(join(h.dataDirectory, 'profiles.json'), 'utf8');
    expectNoSecret(stored);
    const again = h.restart();
    const list = await again.ok<ProfileListItem[]>('profiles.list', {});
    expect(list.map((i) => i.entry.name)).toEqual([
      'Contoso client credentials',
      'Contoso own app',
      'Contoso certificate',
    ]);
    expect(list.map((i) => i.entry.secrets)).toEqual([
      { clientSecret: 'stored' },
      { clientSecret: 'stored' },
      { pfx: 'stored', pfxPassword: 'stored' },
    ]);
    expect(await again.ok('profiles.revealSecret', { id: ids.cc, name: 'clientSecret' })).toEqual({
      value: CLIENT_SECRET,
    });
    expect(await again.ok('profiles.revealSecret', { id: ids.cert, name: 'pfx' })).toEqual({ value: PFX_BASE64 });
  });

  it('never puts a secret value in what list, get, sheet, save, duplicate and expiry return', async () => {
    const h = openContractHost();
    const ids = await seed(h);
    await h.ok('profiles.list', {});
    for (const id of Object.values(ids)) {
      await h.ok('profiles.get', { id });
      await h.ok('profiles.connectionSheet', { id });
      await h.ok('profiles.duplicate', { id });
      await h.ok('profiles.validate', { id, profile: { ...drafts['client-credentials']() } });
    }
    await h.ok('profiles.expiry', {});
    await h.ok('profiles.exportText', { id: ids.cc });
    const leaking = h.calls
      .filter((c) => !contract[c.method as keyof typeof contract]?.revealsSecret)
      .filter((c) => secretsAll.some((s) => JSON.stringify(c.result).includes(s)));
    expect(leaking.map((c) => c.method)).toEqual([]);
    expect(contract['profiles.revealSecret'].revealsSecret).toBe(true);
  });

  it('saves a draft with errors and returns the findings instead of refusing it', async () => {
    const h = openContractHost();
    const saved = await h.ok<SavedProfileResult>('profiles.create', {
      ...drafts['client-credentials'](),
      tenant: 'not a tenant',
      secrets: {},
    });
    expect(codes(saved.findings)).toEqual(expect.arrayContaining(['tenant.invalid', 'client_secret.missing']));
    const list = await h.ok<ProfileListItem[]>('profiles.list', {});
    expect(list[0]).toMatchObject({
      status: {
        errors: 1,
        completeness: { state: 'incomplete', missing: ['Client secret'] },
        headline: { key: 'incomplete' },
      },
      entry: { secrets: { clientSecret: 'missing' } },
    });
  });

  it('validates a draft as the admin types, without saving: secret ID warning, bad tenant, stored secret kept', async () => {
    const h = openContractHost();
    const draft = drafts['client-credentials']();
    const guidSecret = await h.ok<ProfileFinding[]>('profiles.validate', {
      profile: { ...draft, secrets: { clientSecret: TENANT_ID } },
    });
    expect(codes(guidSecret)).toContain('client_secret.looks_like_secret_id');
    expect(JSON.stringify(guidSecret)).not.toContain(TENANT_ID.slice(9));
    const good = await h.ok<ProfileFinding[]>('profiles.validate', {
      profile: { ...draft, secrets: { clientSecret: CLIENT_SECRET } },
    });
    expect(good.filter((f) => f.severity !== 'info')).toEqual([]);
    const badTenant = await h.ok<ProfileFinding[]>('profiles.validate', {
      profile: { ...draft, tenant: 'https://login.microsoftonline.com/x', secrets: { clientSecret: CLIENT_SECRET } },
    });
    expect(badTenant.find((f) => f.field === 'tenant')?.code).toBe('tenant.invalid');
    expect(codes(await h.ok<ProfileFinding[]>('profiles.validate', { profile: draft }))).toContain(
      'client_secret.missing',
    );
    expect(await h.ok('profiles.list', {})).toEqual([]);

    const saved = await h.ok<SavedProfileResult>('profiles.create', {
      ...draft,
      secrets: { clientSecret: CLIENT_SECRET },
    });
    const editing = await h.ok<ProfileFinding[]>('profiles.validate', { id: saved.entry.id, profile: draft });
    expect(codes(editing)).not.toContain('client_secret.missing');
    const removing = await h.ok<ProfileFinding[]>('profiles.validate', {
      id: saved.entry.id,
      profile: { ...draft, secrets: { clientSecret: null } },
    });
    expect(codes(removing)).toContain('client_secret.missing');
  });

  it('refuses a form that sends unknown fields', async () => {
    const h = openContractHost();
    const result = await h.call('profiles.create', { ...drafts['byo-app'](), password: 'x' });
    expect(result).toMatchObject({ ok: false, error: { code: 'ipc.invalid_input' } });
  });

  it('updates a profile: an empty secret input keeps the stored one, null removes it', async () => {
    const h = openContractHost();
    const ids = await seed(h);
    await h.ok('profiles.update', {
      id: ids.cc,
      profile: { ...drafts['client-credentials'](), name: 'Renamed', secrets: { clientSecret: '' } },
    });
    expect(await h.ok<ProfileDetails>('profiles.get', { id: ids.cc })).toMatchObject({
      entry: { name: 'Renamed', secrets: { clientSecret: 'stored' } },
    });
    const removed = await h.ok<SavedProfileResult>('profiles.update', {
      id: ids.cc,
      profile: { ...drafts['client-credentials'](), secrets: { clientSecret: null } },
    });
    expect(removed.entry.secrets).toEqual({ clientSecret: 'missing' });
    expect(codes(removed.findings)).toContain('client_secret.missing');
  });

  it('deletes with undo, and says when there is nothing to undo', async () => {
    const h = openContractHost();
    const ids = await seed(h);
    expect(await h.ok('profiles.delete', { id: ids.byo })).toEqual({ id: ids.byo, name: 'Contoso own app' });
    expect((await h.ok<ProfileListItem[]>('profiles.list', {})).map((i) => i.entry.id)).not.toContain(ids.byo);
    expect(await h.call('profiles.get', { id: ids.byo })).toMatchObject({
      ok: false,
      error: { code: 'profile.not_found' },
    });
    await h.ok('profiles.restore', { id: ids.byo });
    expect((await h.ok<ProfileListItem[]>('profiles.list', {})).map((i) => i.entry.id)).toEqual([
      ids.cc,
      ids.byo,
      ids.cert,
    ]);
    expect(await h.ok('profiles.revealSecret', { id: ids.byo, name: 'clientSecret' })).toEqual({
      value: CLIENT_SECRET,
    });
    expect(await h.call('profiles.restore', { id: ids.byo })).toMatchObject({
      ok: false,
      error: { code: 'profile.not_deleted' },
    });
  });

  it('duplicates a profile with its secrets under a new name', async () => {
    const h = openContractHost();
    const ids = await seed(h);
    const copy = await h.ok<SavedProfileResult & { skippedSecrets: string[] }>('profiles.duplicate', { id: ids.cert });
    expect(copy.entry).toMatchObject({
      name: 'Contoso certificate (copy)',
      secrets: { pfx: 'stored', pfxPassword: 'stored' },
    });
    expect(copy.skippedSecrets).toEqual([]);
  });

  it('searches and shows badges: errors, unreadable secrets, expiry within 7 days', async () => {
    const h = openContractHost();
    const ids = await seed(h);
    await h.ok('profiles.update', { id: ids.byo, profile: { ...drafts['byo-app'](), secretExpiresAt: '2026-01-20' } });
    const byo = (await h.ok<ProfileListItem[]>('profiles.list', { query: 'own app' }))[0];
    expect(byo).toMatchObject({
      entry: { id: ids.byo },
      status: {
        warnings: 0,
        expiry: { state: 'expiring', what: 'secret', daysLeft: 5 },
        headline: { label: 'Expiring (5 days)' },
      },
    });
    expect(await h.ok<ProfileListItem[]>('profiles.list', { query: 'cloud.example.com' })).toHaveLength(1);
    expect(await h.ok<ProfileListItem[]>('profiles.list', { query: 'nothing-like-this' })).toEqual([]);
    h.vault.rotateKey();
    const list = await h.restart().ok<ProfileListItem[]>('profiles.list', {});
    expect(list.find((i) => i.entry.id === ids.cc)?.entry).toMatchObject({
      secretsUnreadable: true,
      secrets: { clientSecret: 'unreadable' },
    });
    const rows = await h.ok<ExpiryRow[]>('profiles.expiry', {});
    expect(rows.map((r) => [r.profileName, r.what, r.status])).toEqual([
      ['Contoso own app', 'secret', 'within-7-days'],
      ['Contoso certificate', 'certificate', 'ok'],
    ]);
    expect(rows[1]?.expiresAt).toBe(CERTIFICATE.notAfter);
  });

  it('copies sheet fields: plain values as they are, secrets from the vault, cleared after the configured seconds', async () => {
    const h = openContractHost();
    const ids = await seed(h);
    await h.ok('settings.update', { clipboardClearSeconds: 7 });
    const sheet = await h.ok<ConnectionSheetView>('profiles.connectionSheet', { id: ids.byo });
    expect(sheet.fields.map((f) => f.key)).toEqual(['clientId', 'clientSecret', 'tenant', 'redirectUri', 'scopes']);
    expect(sheet.appRegistrationUrl).toContain('entra.microsoft.com');
    expect(sheet.clipboardClearSeconds).toBe(7);
    expect(await h.ok('profiles.copySheetField', { id: ids.byo, key: 'redirectUri' })).toEqual({
      clearsInSeconds: null,
    });
    expect(h.clipboard.text).toBe('https://cloud.example.com/provisioning_/callback');
    expect(await h.ok('profiles.copySheetField', { id: ids.byo, key: 'clientSecret' })).toEqual({ clearsInSeconds: 7 });
    expect(h.clipboard.text).toBe(CLIENT_SECRET);
    expect(h.timers.queue.map((t) => t.ms)).toEqual([7000]);
    h.timers.fireAll();
    await expect.poll(() => h.clipboard.text).toBe('');
    expect(h.events).toContainEqual(
      expect.objectContaining({ name: 'app.notice', payload: expect.objectContaining({ id: 'clipboard.cleared' }) }),
    );
    await h.ok('profiles.copySheetField', { id: ids.cert, key: 'pfxPassword' });
    expect(h.clipboard.text).toBe(PFX_PASSWORD);
    expect(h.logLines.join('\n')).not.toContain(PFX_PASSWORD);
  });

  it('quitting (ctx.dispose) clears a copied secret still on the clipboard at once, without waiting for the timer', async () => {
    const h = openContractHost();
    const ids = await seed(h);
    await h.ok('profiles.copySheetField', { id: ids.byo, key: 'clientSecret' });
    expect(h.clipboard.text).toBe(CLIENT_SECRET);
    await h.ctx.dispose();
    expect(h.clipboard.text).toBe('');
    expect(h.timers.queue).toEqual([]);
  });

  it('says what is wrong when a sheet field cannot be copied', async () => {
    const h = openContractHost();
    const saved = await h.ok<SavedProfileResult>('profiles.create', {
      ...drafts['client-credentials'](),
      clientId: '',
      secrets: {},
    });
    const id = saved.entry.id;
    expect(await h.call('profiles.copySheetField', { id, key: 'clientId' })).toMatchObject({
      ok: false,
      error: { code: 'clipboard.nothing_to_copy', message: expect.stringContaining('Client ID is empty') },
    });
    expect(await h.call('profiles.copySheetField', { id, key: 'nonsense' })).toMatchObject({
      ok: false,
      error: { code: 'clipboard.nothing_to_copy' },
    });
    expect(await h.call('profiles.copySheetField', { id, key: 'clientSecret' })).toMatchObject({
      ok: false,
      error: { code: 'vault.not_found' },
    });
    expect(await h.call('profiles.revealSecret', { id, name: 'pfx' })).toMatchObject({
      ok: false,
      error: { code: 'vault.not_found' },
    });
  });

  it('exports a redacted file through the save dialog that holds none of the secrets’ bytes', async () => {
    const h = openContractHost();
    const ids = await seed(h);
    const folder = mkdtempSync(join(tmpdir(), 'gcw-export-'));
    for (const id of Object.values(ids)) {
      const path = join(folder, `${id}.json`);
      h.dialogs.saveQueue.push(path);
      expect(await h.ok('profiles.exportRedacted', { id })).toEqual({ path });
      const text = readFileSync(path, 'utf8');
      expectNoSecret(text);
      expect(text).not.toContain(Buffer.from(PFX_BASE64, 'base64').toString('latin1'));
      expect(JSON.parse(text)).toMatchObject({ format: 'gcw-profile' });
      if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o600);
    }
    const { text, fileName } = await h.ok<{ text: string; fileName: string }>('profiles.exportText', { id: ids.byo });
    expect(fileName).toBe('Contoso-own-app.gcw-profile.json');
    expect(JSON.parse(text)).toMatchObject({
      secretsNotIncluded: ['clientSecret'],
      redirectUri: 'https://cloud.example.com/provisioning_/callback',
    });
  });

  it('reports a cancelled or failed save', async () => {
    const h = openContractHost();
    const { cc } = await seed(h);
    expect(await h.call('profiles.exportRedacted', { id: cc })).toMatchObject({
      ok: false,
      error: { code: 'dialog.cancelled' },
    });
    const blocker = join(mkdtempSync(join(tmpdir(), 'gcw-export-')), 'a-file');
    writeFileSync(blocker, 'x');
    h.dialogs.saveQueue.push(join(blocker, 'profile.json'));
    expect(await h.call('profiles.exportRedacted', { id: cc })).toMatchObject({
      ok: false,
      error: { code: 'file.write_failed' },
    });
  });

  it('imports pasted text and a picked file as new profiles, naming the secrets to enter', async () => {
    const h = openContractHost();
    const { byo } = await seed(h);
    const { text } = await h.ok<{ text: string }>('profiles.exportText', { id: byo });
    const pasted = await h.ok<SavedProfileResult>('profiles.import', { text });
    expect(pasted.entry.id).not.toBe(byo);
    expect(pasted.entry).toMatchObject({ name: 'Contoso own app', secrets: { clientSecret: 'missing' } });
    expect(codes(pasted.findings)).toContain('client_secret.missing');
    const path = join(mkdtempSync(join(tmpdir(), 'gcw-import-')), 'p.json');
    writeFileSync(path, text);
    h.dialogs.openQueue.push(path);
    expect(await h.ok<SavedProfileResult>('profiles.import', {})).toMatchObject({ entry: { name: 'Contoso own app' } });
    expect(await h.ok<ProfileListItem[]>('profiles.list', {})).toHaveLength(5);
  });

  it('refuses what cannot be imported with a plain message', async () => {
    const h = openContractHost();
    expect(await h.call('profiles.import', { text: '{"profiles": [], "version": 1}' })).toMatchObject({
      ok: false,
      error: { code: 'profile.not_a_profile' },
    });
    expect(
      await h.call('profiles.import', { text: '{"format":"gcw-profile","schemaVersion":9,"auth":"quantum"}' }),
    ).toMatchObject({ ok: false, error: { code: 'profile.newer_version' } });
    expect(await h.call('profiles.import', {})).toMatchObject({ ok: false, error: { code: 'dialog.cancelled' } });
    const folder = mkdtempSync(join(tmpdir(), 'gcw-import-'));
    h.dialogs.openQueue.push(join(folder, 'gone.json'));
    expect(await h.call('profiles.import', {})).toMatchObject({ ok: false, error: { code: 'file.not_found' } });
    const big = join(folder, 'big.json');
    writeFileSync(big, ' '.repeat(1024 * 1024 + 1));
    h.dialogs.openQueue.push(big);
    expect(await h.call('profiles.import', {})).toMatchObject({ ok: false, error: { code: 'file.too_large' } });
    h.dialogs.openQueue.push(folder);
    expect(await h.call('profiles.import', {})).toMatchObject({ ok: false, error: { code: 'file.read_failed' } });
  });

  it('lists the clouds for the form, Custom without hosts', async () => {
    const h = openContractHost();
    const rows = await h.ok<Array<{ id: string; graphHost: string | null; appRegistrationsUrl: string | null }>>(
      'profiles.environments',
      {},
    );
    expect(rows.map((r) => r.id)).toEqual(['office365', 'usgov-l4', 'usgov-l5', 'china', 'custom']);
    expect(rows.find((r) => r.id === 'usgov-l5')?.graphHost).toBe('dod-graph.microsoft.us');
    expect(rows.find((r) => r.id === 'custom')).toMatchObject({ graphHost: null, appRegistrationsUrl: null });
  });
});
