// Each stored secret is bound (inside its ciphertext) to the sign-in and Graph hosts it was saved for; a save that
// moves the profile to other hosts removes it unless main's native question was answered "keep".
import { describe, expect, it } from 'vitest';
import { secretVaultId } from '../../../../src/core/connections/profile-secrets';
import { profileHostsKey, secretHostsKey } from '../../../../src/core/connections/secret-hosts';
import { CLIENT_SECRET, drafts, PFX_BASE64, PFX_PASSWORD } from './fixtures';
import { openStore } from './store-host';

const office = profileHostsKey({ environment: 'office365', customHosts: null });
const china = { environment: 'china' as const };

describe('secrets bound to their hosts', () => {
  it('the hosts key is the sign-in and Graph host, normalised as sign-in tests use them', () => {
    expect(office).toBe('["login.microsoftonline.com","graph.microsoft.com"]');
    expect(secretHostsKey({ loginHost: ' HTTPS://Login.Contoso.Test/ ', graphHost: 'graph.contoso.test' })).toBe(
      '["login.contoso.test","graph.contoso.test"]',
    );
    expect(profileHostsKey({ environment: 'custom', customHosts: null })).toBe('[]');
    // GCC High and DoD share the sign-in host but not the Graph host.
    expect(profileHostsKey({ environment: 'usgov-l4', customHosts: null })).not.toBe(
      profileHostsKey({ environment: 'usgov-l5', customHosts: null }),
    );
  });

  it('a cloud change without the admin’s “keep” removes the stored secret and says so', () => {
    const { store } = openStore();
    const { entry } = store.create({ ...drafts['client-credentials'](), secrets: { clientSecret: CLIENT_SECRET } });
    const question = store.hostChangeQuestion(entry.id, { ...drafts['client-credentials'](), ...china });
    expect(question).toMatchObject({
      cancelLabel: 'Remove the secret',
      confirmLabel: 'Keep for login.chinacloudapi.cn',
    });
    expect(question?.detail).toContain(
      'saved for sign-in host login.microsoftonline.com (Graph host graph.microsoft.com)',
    );
    const saved = store.update(entry.id, { ...drafts['client-credentials'](), ...china });
    expect(saved.entry.secrets).toEqual({ clientSecret: 'missing' });
    expect(saved.hostChange).toEqual({
      secrets: ['clientSecret'],
      kept: false,
      message: expect.stringMatching(/client secret was removed, so it is not sent to the new host/),
    });
  });

  it('with “keep” the secret is re-bound to the new hosts and can be read for them, not for the old ones', () => {
    const { store } = openStore();
    const { entry } = store.create({
      ...drafts.certificate(),
      secrets: { pfx: PFX_BASE64, pfxPassword: PFX_PASSWORD },
    });
    const saved = store.update(entry.id, { ...drafts.certificate(), ...china }, { keepSecretsForNewHosts: true });
    expect(saved.hostChange).toMatchObject({ secrets: ['pfx', 'pfxPassword'], kept: true });
    const chinaKey = profileHostsKey(china as never);
    expect(store.readSecretFor(entry.id, 'pfx', chinaKey)).toBe(PFX_BASE64);
    expect(() => store.readSecretFor(entry.id, 'pfxPassword', office)).toThrow(
      expect.objectContaining({
        code: 'profile.secret_host_changed',
        hint: expect.stringContaining('Connections page'),
      }),
    );
    expect(store.hostChangeQuestion(entry.id, { ...drafts.certificate(), ...china, name: 'Renamed' })).toBeNull();
  });

  it('the binding lives inside the ciphertext: the vault decrypts to the hosts and the value together', () => {
    const host = openStore();
    const { entry } = host.store.create({
      ...drafts['client-credentials'](),
      secrets: { clientSecret: CLIENT_SECRET },
    });
    expect(JSON.parse(host.secrets.get(secretVaultId(entry.id, 'clientSecret')))).toEqual({
      gcwSecret: 1,
      hosts: office,
      value: CLIENT_SECRET,
    });
  });

  it('secrets saved by an earlier version (no binding) are bound to the profile’s hosts at the next start', () => {
    const host = openStore();
    const { entry } = host.store.create({
      ...drafts['client-credentials'](),
      secrets: { clientSecret: CLIENT_SECRET },
    });
    host.secrets.put(secretVaultId(entry.id, 'clientSecret'), CLIENT_SECRET);
    const again = host.reopen();
    expect(JSON.parse(again.secrets.get(secretVaultId(entry.id, 'clientSecret')))).toMatchObject({
      hosts: office,
      value: CLIENT_SECRET,
    });
    expect(again.store.readSecret(entry.id, 'clientSecret')).toBe(CLIENT_SECRET);
  });

  it('a copy keeps the binding of the source', () => {
    const { store } = openStore();
    const { entry } = store.create({ ...drafts['client-credentials'](), secrets: { clientSecret: CLIENT_SECRET } });
    store.update(entry.id, { ...drafts['client-credentials'](), ...china }, { keepSecretsForNewHosts: true });
    const copy = store.duplicate(entry.id);
    expect(store.readSecretFor(copy.entry.id, 'clientSecret', profileHostsKey(china as never))).toBe(CLIENT_SECRET);
  });

  it('a secret the keychain cannot decrypt now is removed on a host change unless kept', () => {
    const host = openStore();
    const { entry } = host.store.create({
      ...drafts['client-credentials'](),
      secrets: { clientSecret: CLIENT_SECRET },
    });
    host.vault.rotateKey();
    const again = host.reopen();
    expect(again.store.hostChangeQuestion(entry.id, { ...drafts['client-credentials'](), ...china })).not.toBeNull();
    const saved = again.store.update(entry.id, { ...drafts['client-credentials'](), ...china });
    expect(saved.entry.secrets).toEqual({ clientSecret: 'missing' });
  });

  it('the question shows a hostile host name quoted, its control characters escaped, and a plain profile name', () => {
    const { store } = openStore();
    const { entry } = store.create({ ...drafts['client-credentials'](), secrets: { clientSecret: CLIENT_SECRET } });
    const hostile = {
      environment: 'custom' as const,
      customHosts: { loginHost: 'evil.example\n\nThis host is Microsoft’s: keep it', graphHost: 'graph.example' },
    };
    const q = store.hostChangeQuestion(entry.id, {
      ...drafts['client-credentials'](),
      ...hostile,
      name: 'Robot\u202e\u0007',
    });
    expect(q?.message).toContain('"evil.example\\n\\nthis host is microsoft’s: keep it"');
    for (const c of ['\n', '\u202e', '\u0007']) expect(q?.message).not.toContain(c);
    expect(q?.detail).not.toContain('\n');
  });
});
