// The New connection wizard through the dispatcher: its state survives a restart of the host, the client secret it
// holds stays in memory (never in wizard.json) until a profile exists and then goes to the vault, certificates are used
// by ref, and Start over forgets everything but the saved profile.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateSelfSignedCertificate } from '../../../../src/core/certificates/generate';
import { writePkcs12 } from '../../../../src/core/certificates/pkcs12/write';
import type { HeldCertificate } from '../../../../src/shared/certificates';
import type { ProfileFinding } from '../../../../src/shared/connections';
import type { SavedProfileResult } from '../../../../src/shared/contract/profiles';
import type { WizardChecklist } from '../../../../src/shared/contract/wizard';
import { type WizardInput, type WizardView } from '../../../../src/shared/wizard';
import { wizardInputSchema } from '../../../../src/shared/wizard-schema';
import { CLIENT_ID, NOW, TENANT_ID } from '../connections/fixtures';
import { openContractHost, type ContractHost } from './contract-host';

const SECRET = 'Wz8~held.SecretValue-NeverOnDisk-42';
const PFX_PASSWORD = 'wizard-pfx-Pässwort!';
let pfxBase64 = '';

beforeAll(async () => {
  const g = await generateSelfSignedCertificate({ commonName: 'Wizard robot', keyAlgorithm: 'ec-p256', now: NOW });
  pfxBase64 = (
    await writePkcs12({
      certificate: g.certificateDer,
      privateKey: g.privateKey,
      password: PFX_PASSWORD,
      iterations: 1000,
    })
  ).toString('base64');
});

const state = (
  patch: Partial<Omit<WizardInput, 'draft'>> & { draft?: Partial<WizardInput['draft']> } = {},
): WizardInput => {
  const base = wizardInputSchema.parse({});
  return { ...base, ...patch, draft: { ...base.draft, ...patch.draft } };
};

const secretDraft = state({
  step: 'details',
  done: ['decide', 'register', 'credential', 'scopes'],
  auth: 'client-credentials',
  guide: { signsIn: 'unattended', triggers: 'no', credential: 'secret', environment: 'office365' },
  draft: { name: 'Robot', clientId: CLIENT_ID, tenant: TENANT_ID, scopes: 'Files.Read', secretExpiresAt: '2027-01-31' },
  checklistDone: ['register', 'redirect'],
});

const profileInput = (view: WizardView) => ({
  auth: 'client-credentials' as const,
  name: view.state.draft.name,
  clientId: view.state.draft.clientId,
  tenant: view.state.draft.tenant,
  scopes: view.state.draft.scopes.split(' '),
  secretExpiresAt: view.state.draft.secretExpiresAt,
  secrets: view.refs.clientSecret ? { heldSecretRef: view.refs.clientSecret } : {},
});

function filesOf(h: ContractHost): string {
  const dir = h.dataDirectory;
  return ['wizard.json', 'wizard.json.bak']
    .filter((f) => existsSync(join(dir, f)))
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .join('\n');
}

async function openPfx(h: ContractHost): Promise<HeldCertificate> {
  return h.ok<HeldCertificate>('certificates.inspect', {
    fileName: 'robot.pfx',
    bytesBase64: pfxBase64,
    password: PFX_PASSWORD,
  });
}

describe('wizard contract', () => {
  it('starts empty, keeps what is saved, and resumes it after a restart of the host', async () => {
    const h = openContractHost();
    const fresh = await h.ok<WizardView>('wizard.get');
    expect(fresh).toEqual({
      state: wizardInputSchema.parse({}),
      certificate: null,
      secrets: { clientSecret: 'missing', certificate: 'missing' },
      refs: { clientSecret: null, certificate: null },
      profile: null,
      status: null,
      checklistRequired: [],
      updatedAt: null,
    });
    await h.ok('wizard.save', { state: secretDraft });
    const again = h.restart();
    const resumed = await again.ok<WizardView>('wizard.get');
    expect(resumed.state).toEqual(secretDraft);
    expect(resumed.updatedAt).toBe(NOW.toISOString());
  });

  it('refuses a secret in the saved state: the schema has no place for one', async () => {
    const h = openContractHost();
    const result = await h.call('wizard.save', {
      state: { ...secretDraft, draft: { ...secretDraft.draft, clientSecret: SECRET } },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'ipc.invalid_input' } });
    expect(filesOf(h)).not.toContain(SECRET);
  });

  it('holds the client secret in memory only; after a restart it is “lost” and saving the profile with it says so', async () => {
    const h = openContractHost();
    await h.ok('wizard.save', { state: secretDraft });
    const held = await h.ok<WizardView>('wizard.holdSecret', { clientSecret: SECRET });
    expect(held.secrets.clientSecret).toBe('held');
    expect(held.refs.clientSecret).toMatch(/^[A-Za-z0-9_-]{16,64}$/);
    expect(filesOf(h)).not.toContain(SECRET);
    expect(JSON.stringify(h.calls.map((c) => c.result))).not.toContain(SECRET);

    const later = h.restart();
    const view = await later.ok<WizardView>('wizard.get');
    expect(view.secrets.clientSecret).toBe('lost');
    expect(view.refs.clientSecret).toBeNull();
    const stale = held.refs.clientSecret!;
    const saved = await later.call('profiles.create', { ...profileInput(view), secrets: { heldSecretRef: stale } });
    expect(saved).toMatchObject({ ok: false, error: { code: 'wizard.secret_lost' } });
    // Validation does not fail on it: it reports the missing secret on its field.
    const findings = await later.ok<ProfileFinding[]>('profiles.validate', {
      profile: { ...profileInput(view), secrets: { heldSecretRef: stale } },
    });
    expect(findings.map((f) => f.code)).toContain('client_secret.missing');
  });

  it('moves the held secret into the vault when the profile is created, and straight to the vault once it exists', async () => {
    const h = openContractHost();
    await h.ok('wizard.save', { state: secretDraft });
    const held = await h.ok<WizardView>('wizard.holdSecret', { clientSecret: SECRET });
    const findings = await h.ok<ProfileFinding[]>('profiles.validate', { profile: profileInput(held) });
    expect(findings.filter((f) => f.field === 'secrets.clientSecret')).toEqual([]);
    const { entry } = await h.ok<SavedProfileResult>('profiles.create', profileInput(held));
    expect(h.ctx.profiles.readSecret(entry.id, 'clientSecret')).toBe(SECRET);
    const linked = await h.ok<WizardView>('wizard.save', { state: { ...secretDraft, profileId: entry.id } });
    expect(linked.secrets.clientSecret).toBe('stored');
    expect(linked.refs.clientSecret).toBeNull();
    expect(linked.profile?.name).toBe('Robot');
    // The wizard shows the saved profile's status from evidence, and which checklist items the connection needs.
    expect(linked.status).toMatchObject({ headline: { key: 'not-tested' }, verification: { state: 'not-verified' } });
    expect(linked.checklistRequired).toEqual(expect.arrayContaining(['register', 'credential', 'permissions', 'ids']));
    expect(linked.checklistRequired).not.toContain('redirect');

    const replaced = await h.ok<WizardView>('wizard.holdSecret', { clientSecret: `${SECRET}-renewed` });
    expect(replaced.secrets.clientSecret).toBe('stored');
    expect(h.ctx.profiles.readSecret(entry.id, 'clientSecret')).toBe(`${SECRET}-renewed`);
    expect(h.ctx.profiles.get(entry.id).profile).toMatchObject({
      name: 'Robot',
      secretExpiresAt: '2027-01-31',
      scopes: ['Files.Read'],
    });
    expect(filesOf(h)).not.toContain(SECRET);
    // After a restart the profile still has it; the wizard shows it as stored.
    expect((await h.restart().ok<WizardView>('wizard.get')).secrets.clientSecret).toBe('stored');
  });

  it('uses a certificate by ref: facts in the state, PFX and password into the profile, a new one replaces it in place', async () => {
    const h = openContractHost();
    await h.ok('wizard.save', {
      state: state({
        auth: 'certificate',
        step: 'credential',
        draft: {
          name: 'Cert robot',
          clientId: CLIENT_ID,
          tenant: TENANT_ID,
          upn: 'robot@contoso.com',
          scopes: 'User.Read Files.Read',
        },
      }),
    });
    const held = await openPfx(h);
    const view = await h.ok<WizardView>('wizard.useCertificate', { ref: held.ref, source: 'imported' });
    expect(view.certificate).toEqual({
      thumbprintSha1: held.details.certificate.thumbprintSha1,
      thumbprintSha256: held.details.certificate.thumbprintSha256,
      subject: 'CN=Wizard robot',
      notAfter: held.details.certificate.notAfter,
      fileName: 'robot.pfx',
      source: 'imported',
    });
    expect(view.secrets.certificate).toBe('held');
    expect(view.refs.certificate).toBe(held.ref);
    expect(filesOf(h)).not.toContain(PFX_PASSWORD);
    expect(filesOf(h)).not.toContain(pfxBase64.slice(0, 40));

    const { entry } = await h.ok<SavedProfileResult>('profiles.create', {
      auth: 'certificate',
      name: 'Cert robot',
      clientId: CLIENT_ID,
      tenant: TENANT_ID,
      upn: 'robot@contoso.com',
      secrets: { certificateRef: view.refs.certificate },
    });
    expect(h.ctx.profiles.readSecret(entry.id, 'pfxPassword')).toBe(PFX_PASSWORD);
    const linked = await h.ok<WizardView>('wizard.save', {
      state: state({ auth: 'certificate', profileId: entry.id }),
    });
    expect(linked.secrets.certificate).toBe('stored');

    const other = await h.ok<HeldCertificate>('certificates.generate', { commonName: 'Second robot', key: 'ec-p256' });
    const notExported = await h.call('wizard.useCertificate', { ref: other.ref, source: 'generated' });
    expect(notExported).toMatchObject({ ok: false, error: { code: 'pfx.not_exported' } });
    h.dialogs.folderQueue.push(h.dataDirectory);
    await h.ok('certificates.export', { ref: other.ref, password: 'Second-Pass-1' });
    await h.ok('wizard.useCertificate', { ref: other.ref, source: 'generated' });
    expect(h.ctx.profiles.get(entry.id).profile).toMatchObject({ certificate: { subject: 'CN=Second robot' } });
    expect(h.ctx.profiles.readSecret(entry.id, 'pfxPassword')).toBe('Second-Pass-1');
    // The certificate it replaced is no longer held in main.
    expect(() => h.ctx.certificates.get(held.ref)).toThrow(/no longer held/);
  });

  it('forgets a profile deleted in Connections, and Start over forgets everything but the saved profile', async () => {
    const h = openContractHost();
    await h.ok('wizard.save', { state: secretDraft });
    await h.ok('wizard.holdSecret', { clientSecret: SECRET });
    const bogus = await h.ok<WizardView>('wizard.save', { state: { ...secretDraft, profileId: 'no-such-profile' } });
    expect(bogus.state.profileId).toBeNull();
    const { entry } = await h.ok<SavedProfileResult>('profiles.create', { ...profileInput(bogus) });
    await h.ok('wizard.save', { state: { ...secretDraft, profileId: entry.id } });
    await h.ok('profiles.delete', { id: entry.id });
    const unlinked = await h.ok<WizardView>('wizard.get');
    expect(unlinked.state.profileId).toBeNull();
    expect(unlinked.profile).toBeNull();

    const { entry: kept } = await h.ok<SavedProfileResult>('profiles.create', {
      ...profileInput(unlinked),
      name: 'Kept',
    });
    await h.ok('wizard.save', { state: { ...secretDraft, profileId: kept.id } });
    const reset = await h.ok<WizardView>('wizard.reset');
    expect(reset.state).toEqual(wizardInputSchema.parse({}));
    expect(reset.secrets).toEqual({ clientSecret: 'missing', certificate: 'missing' });
    expect(h.ctx.profiles.get(kept.id).name).toBe('Kept');
    expect(h.ctx.wizard.heldSecret(reset.refs.clientSecret ?? 'x')).toBeUndefined();
  });

  it('builds the checklist for the option and cloud it is asked about', async () => {
    const h = openContractHost();
    const c = await h.ok<WizardChecklist>('wizard.checklist', {
      auth: 'byo-app',
      environment: 'china',
      domain: 'cloud.example.com',
      scopes: ['Files.Read'],
    });
    expect(c.adminCenterHost).toBe('portal.azure.cn');
    expect(c.items.find((i) => i.id === 'redirect')?.values[0]?.value).toBe(
      'https://cloud.example.com/provisioning_/callback',
    );
  });
});
