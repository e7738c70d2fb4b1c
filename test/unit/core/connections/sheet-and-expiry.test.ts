import { describe, expect, it } from 'vitest';
import { expiryRows, expiryStatus, parseExpiry } from '../../../../src/core/connections';
import { CERTIFICATE, CLIENT_SECRET, drafts, NOW, PFX_BASE64, PFX_PASSWORD } from './fixtures';
import { openStore } from './store-host';

const day = 86_400_000;
const at = (days: number) => new Date(NOW.getTime() + days * day).toISOString();

describe('connection sheet', () => {
  it('certificate: the connection page order, secrets as vault references only', () => {
    const { store } = openStore();
    const { entry } = store.create({
      ...drafts.certificate(),
      environment: 'usgov-l5',
      secrets: { pfx: PFX_BASE64, pfxPassword: PFX_PASSWORD },
    });
    const sheet = store.connectionSheet(entry.id);
    expect(sheet.fields.map((f) => f.label)).toEqual([
      'Client ID',
      'Password',
      'Certificate',
      'Tenant ID',
      'Environment',
      'Account UPN',
    ]);
    expect(sheet.fields.find((f) => f.key === 'environment')?.value).toBe('US Government L5');
    expect(sheet.fields.find((f) => f.label === 'Certificate')).toEqual(
      expect.objectContaining({ secret: true, vaultRef: `profile/${entry.id}/pfx`, secretState: 'stored' }),
    );
    expect(sheet.fields.filter((f) => f.secret).every((f) => f.value === undefined)).toBe(true);
    const text = JSON.stringify(sheet);
    expect(text).not.toContain(PFX_PASSWORD);
    expect(text).not.toContain(PFX_BASE64);
    expect(sheet.fields.every((f) => f.help.length > 10)).toBe(true);
  });

  it('client credentials and bring-your-own: Client ID, Client secret, Tenant ID, (Redirect URI), Scopes', () => {
    const { store } = openStore();
    const cc = store.create({ ...drafts['client-credentials'](), secrets: { clientSecret: CLIENT_SECRET } }).entry;
    const byo = store.create(drafts['byo-app']()).entry;
    expect(store.connectionSheet(cc.id).fields.map((f) => f.label)).toEqual([
      'Client ID',
      'Client secret',
      'Tenant ID',
      'Scopes',
    ]);
    const sheet = store.connectionSheet(byo.id);
    expect(sheet.fields.map((f) => [f.label, f.value ?? f.secretState])).toEqual([
      ['Client ID', cc.profile?.clientId],
      ['Client secret', 'missing'],
      ['Tenant ID', byo.profile?.tenant],
      ['Redirect URI', 'https://cloud.example.com/provisioning_/callback'],
      ['Scopes', 'openid offline_access User.Read Files.Read'],
    ]);
    expect(sheet.notes.join('\n')).toContain('https://login.microsoftonline.com/');
    expect(JSON.stringify(store.connectionSheet(cc.id))).not.toContain(CLIENT_SECRET);
  });
});

describe('expiry view', () => {
  it('status at 30 and 7 days', () => {
    expect(expiryStatus(new Date(at(60)), NOW).status).toBe('ok');
    expect(expiryStatus(new Date(at(29)), NOW).status).toBe('within-30-days');
    expect(expiryStatus(new Date(at(6)), NOW)).toEqual({ status: 'within-7-days', daysLeft: 6 });
    expect(expiryStatus(new Date(at(-1)), NOW).status).toBe('expired');
    expect(parseExpiry('2026-13-01')).toBeNull();
    expect(parseExpiry('2026-03-01')?.toISOString()).toBe('2026-03-01T00:00:00.000Z');
  });

  it('lists certificate and secret dates per profile, soonest first', () => {
    const { store } = openStore();
    store.create({
      ...drafts.certificate(),
      certificate: { ...CERTIFICATE, notAfter: at(5) },
      secretExpiresAt: '2026-12-31',
    });
    store.create({ ...drafts['client-credentials'](), secretExpiresAt: at(-2) });
    store.create(drafts['byo-app']());
    expect(store.expiry().map((r) => [r.profileName, r.what, r.status])).toEqual([
      ['Contoso client credentials', 'secret', 'expired'],
      ['Contoso certificate', 'certificate', 'within-7-days'],
      ['Contoso certificate', 'secret', 'ok'],
    ]);
    expect(store.expiry()[1]?.message).toBe(`The certificate expires in 5 days (${at(5).slice(0, 10)}).`);
    expect(expiryRows([], NOW)).toEqual([]);
  });

  it('says a certificate profile’s date once when its expiry field holds the certificate’s end date', () => {
    const { store } = openStore();
    store.create({
      ...drafts.certificate(),
      certificate: { ...CERTIFICATE, notAfter: at(40) },
      secretExpiresAt: at(40).slice(0, 10),
    });
    expect(store.expiry().map((r) => [r.what, r.status])).toEqual([['certificate', 'ok']]);
  });
});
