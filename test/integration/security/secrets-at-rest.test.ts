// Secrets at rest and in transit, across every feature at once: one data folder, one profile of each kind with its
// secrets and a real PFX, delegated and app-only sign-ins against the Entra emulator (so token caches exist), the
// redacted profile export, a verify report and the certificate export. Then every file the app wrote (data folder,
// export folder, temp files) is searched for the client secrets, the PFX password, the private key, the PFX bytes and
// every token the emulator issued; the log must redact; a copied secret must leave the clipboard; and no contract
// result or event the renderer receives may carry any of them unless its method is an explicit reveal.
import { createPrivateKey, randomBytes, X509Certificate } from 'node:crypto';
import { existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shutdownCertificateWorkers } from '../../../src/core/certificates';
import { openPkcs12 } from '../../../src/core/certificates/pkcs12/open';
import { tokenCacheVaultId } from '../../../src/core/signin/service/vault-token-cache';
import { contract, methodNames } from '../../../src/shared/contract';
import { securityDocFigure } from '../../support/doc-figures';
import type { HeldCertificate } from '../../../src/shared/certificates';
import type { CertificateExportResult, DecodedBase64 } from '../../../src/shared/contract/certificates';
import type { SavedProfileResult } from '../../../src/shared/contract/profiles';
import type { RevealedToken, SigninTestOutcome } from '../../../src/shared/contract/signin';
import type { VerifyRun } from '../../../src/shared/contract/verify';
import { ManualTimers } from '../../support/doubles';
import { startSigninHarness, type SigninHarness } from '../../support/idp';
import { binaryNeedle, filesUnder, findInText, scanFiles, textNeedle, type Needle } from '../../support/secret-scan';
import { pfxOf } from '../../support/signin-profiles';
import { addManagementApp } from '../../support/graph/management';
import type { FetchView, PlanView } from '../../../src/shared/contract/graph';
import { openSigninHost, type SigninHandlerHost } from '../signin/handler-host';

const root = resolve(import.meta.dirname, '../../..');
const realTmp = tmpdir();
const savedTmpEnv = { TMPDIR: process.env.TMPDIR, TMP: process.env.TMP, TEMP: process.env.TEMP };
const tmpBefore = new Set(readdirSync(realTmp));
// The app's temp files land here (os.tmpdir() reads TMPDIR on every call), so each one can be attributed to this run.
const appTmp = mkdtempSync(join(realTmp, 'gcw-secrets-tmp-'));
const dataDirectory = mkdtempSync(join(realTmp, 'gcw-secrets-data-'));
const exportFolder = mkdtempSync(join(realTmp, 'gcw-secrets-export-'));
// The user's own files (the PFX they open, the base64 they chose to save): not searched, they hold the PFX by design.
const inputFolder = mkdtempSync(join(realTmp, 'gcw-secrets-input-'));

const PFX_PASSWORD = `Pfx-pässwort-${randomBytes(6).toString('hex')}`;
const EXPORT_PASSWORD = `Export-Ünïcode-${randomBytes(6).toString('hex')}`;
const BYO_SECRET = `Byo8~${randomBytes(18).toString('base64url')}.x`;
const WRONG_SECRET = `Wr0ng~${randomBytes(18).toString('base64url')}.y`;
const CLEAR_SECONDS = 9;

let h: SigninHarness;
let host: SigninHandlerHost;
const timers = new ManualTimers();
const ids: Record<'cc' | 'cert' | 'byo' | 'wrong', string> = { cc: '', cert: '', byo: '', wrong: '' };
let pfx: Buffer;
const needles: Needle[] = [];
/** Methods this audit does not call, with the reason (none today). */
const notExercised: Record<string, string> = {};
let suggestedPassword = '';
/** Client secrets Microsoft Graph (the emulator) made for the Workbench: in the vault only. */
const graphSecrets: string[] = [];
let generatedKeyDer: Buffer | null = null;
const copies: Array<{ method: string; text: string; delays: number[]; after?: string }> = [];

/** The flows a user runs on every page, through the same dispatcher the renderer calls. */
async function runEveryFeature(): Promise<void> {
  const custom = { environment: 'custom' as const, customHosts: { loginHost: h.idp.host, graphHost: h.idp.host } };
  const common = { clientId: h.s.webApp.clientId, tenant: h.s.tenantId, ...custom };
  await host.ok('settings.update', { clipboardClearSeconds: CLEAR_SECONDS });

  // Certificates page: open the PFX, hand it to a connection, export it with a new password.
  const held = await host.ok<HeldCertificate>('certificates.inspect', {
    fileName: 'workbench-app.pfx',
    bytesBase64: pfx.toString('base64'),
    password: PFX_PASSWORD,
  });
  await host.ok('certificates.handoff', { ref: held.ref });

  // Connections page: one profile of each kind; the certificate one takes the held PFX and password.
  ids.cc = (
    await host.ok<SavedProfileResult>('profiles.create', {
      auth: 'client-credentials',
      name: 'Secrets client credentials',
      ...common,
      scopes: ['openid', 'offline_access', 'User.Read', 'Files.Read.All'],
      appOnlyPermissions: ['Sites.Read.All'],
      secrets: { clientSecret: h.s.webApp.secretValue },
    })
  ).entry.id;
  ids.cert = (
    await host.ok<SavedProfileResult>('profiles.create', {
      auth: 'certificate',
      name: 'Secrets certificate',
      ...common,
      upn: h.s.user.upn,
      scopes: ['offline_access', 'User.Read', 'Files.Read.All'],
      appOnlyPermissions: ['Sites.Read.All'],
      secrets: { certificateRef: held.ref },
    })
  ).entry.id;
  ids.byo = (
    await host.ok<SavedProfileResult>('profiles.create', {
      auth: 'byo-app',
      name: 'Secrets own app',
      ...common,
      domain: 'cloud.example.com',
      scopes: ['offline_access', 'User.Read'],
      secrets: { clientSecret: BYO_SECRET },
    })
  ).entry.id;
  ids.wrong = (
    await host.ok<SavedProfileResult>('profiles.create', {
      auth: 'client-credentials',
      name: 'Secrets wrong secret',
      ...common,
      appOnlyPermissions: ['Sites.Read.All'],
      secrets: { clientSecret: WRONG_SECRET },
    })
  ).entry.id;
  await host.ok('profiles.list', {});
  for (const id of Object.values(ids)) {
    await host.ok('profiles.get', { id });
    await host.ok('profiles.connectionSheet', { id });
    await host.ok('profiles.exportText', { id });
  }
  await host.ok('profiles.validate', {
    id: ids.cc,
    profile: { auth: 'client-credentials', name: 'Draft', ...common, secrets: {} },
  });
  await host.ok('profiles.expiry', {});
  await host.ok('profiles.duplicate', { id: ids.cert });
  host.dialogs.saveQueue.push(join(exportFolder, 'certificate-profile.gcw-profile.json'));
  await host.ok('profiles.exportRedacted', { id: ids.cert });
  host.dialogs.saveQueue.push(join(exportFolder, 'cc-profile.gcw-profile.json'));
  await host.ok('profiles.exportRedacted', { id: ids.cc });

  // Copied secrets (Connections and Certificates pages): on the clipboard now, gone after the configured seconds.
  for (const [method, input] of [
    ['profiles.copySheetField', { id: ids.cc, key: 'clientSecret' }],
    ['certificates.copyBase64', { ref: held.ref }],
  ] as const) {
    await host.ok(method, input);
    copies.push({ method, text: host.clipboard.text, delays: timers.pendingDelays() });
    await timers.runAll();
    copies.at(-1)!.after = host.clipboard.text;
  }

  // The explicit reveals the audit must allow (and must see, to prove it can see anything).
  await host.ok('profiles.revealSecret', { id: ids.cert, name: 'pfxPassword' });
  await host.ok('profiles.revealSecret', { id: ids.byo, name: 'clientSecret' });

  // Sign-in tests: delegated with the secret and with the certificate (token caches), app-only with both, refresh, probe.
  host.useBrowser(h.browser());
  await host.ok<SigninTestOutcome>('signin.interactive', { profileId: ids.cc, client: 'secret' });
  await host.ok<SigninTestOutcome>('signin.interactive', { profileId: ids.cert, client: 'certificate' });
  await host.ok<SigninTestOutcome>('signin.appOnly', { profileId: ids.cc, credential: 'secret' });
  await host.ok<SigninTestOutcome>('signin.appOnly', { profileId: ids.cert, credential: 'certificate' });
  await host.ok('signin.checkConnection', { profileId: ids.cc });
  await host.ok('signin.checkConnection', { profileId: ids.cert });
  await host.ok('signin.graphProbe', { profileId: ids.cc, target: 'me/drive', token: 'delegated' });
  await host.ok('signin.graphProbe', { profileId: ids.cert, target: 'sites/root', token: 'app-only' });
  for (const id of [ids.cc, ids.cert]) {
    await host.ok('signin.profileInfo', { profileId: id });
    await host.ok('signin.history', { profileId: id });
  }
  const revealed = await host.ok<RevealedToken>('signin.revealAccessToken', { profileId: ids.cert });
  await host.ok('signin.decodeToken', { token: revealed.accessToken });
  // A failure: the wrong secret, its error and its (redacted) diagnostics.
  await host.fail('signin.appOnly', { profileId: ids.wrong, credential: 'secret' });
  await host.ok('signin.copyDiagnostics', { profileId: ids.wrong });

  // Verify page: the certificate profile's stored PFX against a manifest, report exported and copied.
  const manifest = readFileSync(
    resolve(root, 'test/fixtures/manifests/01_graph-format_az-cli-recording_app-with-cert.json'),
    'utf8',
  );
  const run = await host.ok<VerifyRun>('verify.run', {
    profileId: ids.cert,
    manifest: { fileName: 'app.json', text: manifest },
    pfx: 'profile',
  });
  host.dialogs.saveQueue.push(join(exportFolder, 'verify-report.md'));
  await host.ok('verify.exportReport', { reportId: run.reportId, format: 'markdown' });
  host.dialogs.saveQueue.push(join(exportFolder, 'verify-report.html'));
  await host.ok('verify.exportReport', { reportId: run.reportId, format: 'html' });
  await host.ok('verify.copyReport', { reportId: run.reportId });
  await host.ok('verify.renderReport', { reportId: run.reportId, format: 'html' });

  // Certificates page again: export the held certificate (PFX under a new password, .cer, .pem, base64, keyCredentials).
  const again = await host.ok<HeldCertificate>('certificates.inspect', {
    fileName: 'workbench-app.pfx',
    bytesBase64: pfx.toString('base64'),
    password: PFX_PASSWORD,
  });
  host.dialogs.folderQueue.push(exportFolder);
  await host.ok<CertificateExportResult>('certificates.export', {
    ref: again.ref,
    password: EXPORT_PASSWORD,
    name: 'workbench-app-export',
  });
  await host.ok('certificates.copyKeyCredentials', { ref: again.ref });
  await host.ok('app.notices', {});
  await host.ok('app.about', {});
}

/** Every other contract method, so the renderer audit covers the whole contract. */
async function runTheRestOfTheContract(): Promise<void> {
  await host.ok('settings.get', {});
  host.dialogs.folderQueue.push(exportFolder);
  await host.ok('settings.chooseSaveFolder', {});
  await host.ok('app.openLink', { url: 'https://entra.microsoft.com/' });
  await host.ok('app.openDataFolder', {});
  await host.ok('clipboard.copyText', { text: h.s.webApp.clientId });
  const notices = await host.ok<Array<{ id: string }>>('app.notices', {});
  await host.ok('app.dismissNotice', { id: notices[0]?.id ?? 'none' });

  // Certificates: the pasted base64 of the PFX, a file picked in the dialog, its base64 saved, a generated certificate.
  await host.ok('certificates.prewarm', {});
  await host.ok('certificates.cancelOpen', {});
  const decoded = await host.ok<DecodedBase64>('certificates.decodeBase64', { text: pfx.toString('base64') });
  const unlocked = await host.ok<HeldCertificate>('certificates.unlock', {
    ref: decoded.lockedRef ?? decoded.certificate?.ref ?? '',
    password: PFX_PASSWORD,
  });
  writeFileSync(join(inputFolder, 'picked.pfx'), pfx);
  host.dialogs.openQueue.push(join(inputFolder, 'picked.pfx'));
  const picked = await host.ok<HeldCertificate>('certificates.inspectFile', { password: PFX_PASSWORD });
  host.dialogs.saveQueue.push(join(inputFolder, 'picked.pfx.b64.txt'));
  await host.ok('certificates.saveBase64', { ref: picked.ref });
  // The browser's paths (gcw ui): the base64 and an export set as downloads.
  await host.ok('certificates.base64File', { ref: picked.ref });
  await host.ok('certificates.exportFiles', {
    ref: unlocked.ref,
    password: EXPORT_PASSWORD,
    name: 'unlocked-download',
  });
  const generated = await host.ok<HeldCertificate>('certificates.generate', {
    commonName: 'Secrets audit generated',
    key: 'ec-p256',
  });
  suggestedPassword = (await host.ok<{ password: string }>('certificates.suggestPassword', {})).password;
  await host.ok('certificates.copyPassword', { password: suggestedPassword });
  await timers.runAll();
  host.dialogs.folderQueue.push(exportFolder);
  await host.ok<CertificateExportResult>('certificates.export', {
    ref: generated.ref,
    password: suggestedPassword,
    name: 'generated',
  });
  generatedKeyDer = (
    await openPkcs12(readFileSync(join(exportFolder, 'generated.pfx')), suggestedPassword)
  ).privateKeys[0]!.key.export({ type: 'pkcs8', format: 'der' });
  for (const ref of [unlocked.ref, picked.ref, generated.ref]) await host.ok('certificates.discard', { ref });

  // Connections: edit, delete and undo, import the exported file, the clouds.
  await host.ok('profiles.update', {
    id: ids.byo,
    profile: {
      auth: 'byo-app',
      name: 'Secrets own app (renamed)',
      clientId: h.s.webApp.clientId,
      tenant: h.s.tenantId,
      environment: 'custom',
      customHosts: { loginHost: h.idp.host, graphHost: h.idp.host },
      domain: 'cloud.example.com',
      scopes: ['offline_access', 'User.Read'],
      secrets: {},
    },
  });
  await host.ok('profiles.delete', { id: ids.byo });
  await host.ok('profiles.restore', { id: ids.byo });
  await host.ok('profiles.import', { text: readFileSync(join(exportFolder, 'cc-profile.gcw-profile.json'), 'utf8') });
  await host.ok('profiles.environments', {});

  // Scopes.
  await host.ok('scopes.checklist', { auth: 'certificate' });
  await host.ok('scopes.search', { words: 'files read' });
  await host.ok('scopes.build', { auth: 'byo-app', delegated: ['User.Read', 'Files.Read'], application: [] });
  await host.ok('scopes.copyScopeString', { delegated: ['offline_access', 'Files.Read'] });
  await host.ok('scopes.copyRequiredResourceAccess', { delegated: ['Files.Read'], application: [] });

  // Sign-in: admin consent verified with an app-only token, settings, the catalogue, then forgetting.
  host.useBrowser(h.browser({ user: h.s.admin }));
  await host.ok('signin.adminConsentLink', { profileId: ids.cc });
  await host.ok('signin.adminConsent', { profileId: ids.cc });
  host.useBrowser(h.browser());
  await host.ok('signin.preferences', {});
  writeFileSync(join(inputFolder, 'proxy-ca.pem'), h.pki.caPem);
  host.dialogs.openQueue.push(join(inputFolder, 'proxy-ca.pem'));
  await host.ok('signin.chooseExtraCa', {});
  await host.ok('signin.trustExtraCaPem', { fileName: 'proxy-ca.pem', pem: h.pki.caPem });
  await host.ok('signin.setPreferences', { extraCaFile: null });
  await host.ok('signin.aadstsLookup', { code: 7000215 });
  await host.ok('signin.aadstsSearch', { query: 'secret' });
  await host.ok('signin.cancel', { profileId: ids.cc });
  await host.ok('signin.clearHistory', { profileId: ids.wrong });
  await host.ok('signin.forgetSignIn', { profileId: ids.wrong });

  // Microsoft Graph: the admin's management sign-in, create with a new secret and consent, fetch, repair, rotate, remove the old secret.
  addManagementApp(h.s.tenant);
  host.useBrowser(h.browser({ user: h.s.admin }));
  const graphId = (
    await host.ok<SavedProfileResult>('profiles.create', {
      auth: 'client-credentials',
      name: 'Secrets Graph-made app',
      tenant: h.s.tenantId,
      environment: 'custom',
      customHosts: { loginHost: h.idp.host, graphHost: h.idp.host },
      scopes: ['User.Read', 'Files.Read'],
      appOnlyPermissions: ['Sites.Read.All'],
    })
  ).entry.id;
  await host.ok('graph.status', { profileId: graphId });
  await host.ok('graph.signIn', { profileId: graphId, client: { kind: 'graph-cli' }, action: 'create', consent: true });
  const created = await host.ok<PlanView>('graph.previewCreate', {
    profileId: graphId,
    credential: 'new-secret',
    secretMonths: 6,
    consent: true,
  });
  await host.ok('graph.apply', { planId: created.planId });
  graphSecrets.push(host.ctx.profiles.readSecret(graphId, 'clientSecret'));
  const fetched = await host.ok<FetchView>('graph.fetch', { profileId: graphId });
  await host.ok('graph.previewRepair', { profileId: graphId });
  const rotate = await host.ok<PlanView>('graph.previewRotate', {
    profileId: graphId,
    credential: { kind: 'secret', months: 3 },
  });
  await host.ok('graph.apply', { planId: rotate.planId });
  graphSecrets.push(host.ctx.profiles.readSecret(graphId, 'clientSecret'));
  const removeOld = await host.ok<PlanView>('graph.previewRemoveOld', {
    profileId: graphId,
    passwordKeyIds: fetched.passwords.map((p) => p.keyId),
  });
  await host.ok('graph.discard', { planId: removeOld.planId });
  await host.ok('graph.changes', { profileId: graphId });
  await host.ok('graph.signOut', { profileId: graphId });
  // No management sign-in is waiting now, so there is nothing to cancel (the call still crosses the contract).
  await host.ok('graph.cancelSignIn', { profileId: graphId });
  host.useBrowser(h.browser());

  // Connection records (PDF needs the app's printer, which this host has not) and the wizard with a held secret and certificate.
  for (const id of [ids.cc, ids.cert, ids.byo]) await host.ok('records.get', { profileId: id });
  for (const format of ['markdown', 'html'] as const) {
    host.dialogs.saveQueue.push(join(exportFolder, `record.${format === 'markdown' ? 'md' : 'html'}`));
    await host.ok('records.export', { profileId: ids.cert, format });
    await host.ok('records.render', { profileId: ids.cert, format });
  }
  const wizard = await host.ok<{ state: unknown }>('wizard.get', {});
  await host.ok('wizard.save', { state: { ...(wizard.state as object), auth: 'byo-app', step: 'credential' } });
  await host.ok('wizard.checklist', { auth: 'byo-app', domain: 'cloud.example.com' });
  await host.ok('wizard.holdSecret', { clientSecret: BYO_SECRET });
  const forWizard = await host.ok<HeldCertificate>('certificates.inspect', {
    fileName: 'wizard.pfx',
    bytesBase64: pfx.toString('base64'),
    password: PFX_PASSWORD,
  });
  await host.ok('wizard.useCertificate', { ref: forWizard.ref, source: 'imported' });
  await host.ok('wizard.reset', {});
}

beforeAll(async () => {
  process.env.TMPDIR = appTmp;
  process.env.TMP = appTmp;
  process.env.TEMP = appTmp;
  h = await startSigninHarness();
  h.s.tenant.applicationGrants = { [h.s.webApp.clientId]: ['Sites.Read.All'] };
  host = await openSigninHost(h, { dataDirectory, timers });
  pfx = await pfxOf(h.s.certificate, PFX_PASSWORD);
  await runEveryFeature();
  await runTheRestOfTheContract();

  const cert = new X509Certificate(h.s.certificate.certPem);
  const key = createPrivateKey(h.s.certificate.privateKeyPem);
  const publicBlobs = [
    cert.raw,
    cert.publicKey.export({ type: 'spki', format: 'der' }),
    cert.publicKey.export({ type: 'pkcs1', format: 'der' }),
  ];
  const issued = h.idp.state.issued;
  needles.push(
    textNeedle('client secret', h.s.webApp.secretValue),
    textNeedle('own-app client secret', BYO_SECRET),
    ...graphSecrets.map((secret, i) => textNeedle(`client secret made by Graph #${i + 1}`, secret)),
    textNeedle('wrong client secret', WRONG_SECRET),
    textNeedle('PFX password', PFX_PASSWORD),
    textNeedle('export password', EXPORT_PASSWORD),
    textNeedle('suggested password', suggestedPassword),
    binaryNeedle('generated private key', generatedKeyDer!),
    binaryNeedle('private key (PKCS#8)', key.export({ type: 'pkcs8', format: 'der' }), publicBlobs),
    binaryNeedle('private key (PKCS#1)', key.export({ type: 'pkcs1', format: 'der' }), publicBlobs),
    textNeedle('private key (JWK d)', String(key.export({ format: 'jwk' }).d)),
    binaryNeedle('PFX bytes', pfx, publicBlobs),
    ...issued.access.map((t, i) => textNeedle(`access token #${i + 1}`, t)),
    ...issued.access.map((t, i) => textNeedle(`access token #${i + 1} signature`, t.split('.')[2]!)),
    ...issued.refresh.map((t, i) => textNeedle(`refresh token #${i + 1}`, t)),
    ...issued.id.map((t, i) => textNeedle(`ID token #${i + 1} signature`, t.split('.')[2]!)),
    ...[...h.idp.state.codes.keys()].map((c, i) => textNeedle(`authorization code #${i + 1}`, c)),
  );
}, 120_000);

afterAll(async () => {
  await host?.ctx.dispose();
  await h?.close();
  await shutdownCertificateWorkers();
  for (const [name, value] of Object.entries(savedTmpEnv)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  for (const dir of [appTmp, dataDirectory, exportFolder, inputFolder]) rmSync(dir, { recursive: true, force: true });
});

/** Each secret as the app holds it: values, the key as PEM, DER base64 and JWK, the PFX as base64, whole tokens, codes in a redirect URL. */
function probeValues(): string[] {
  const key = createPrivateKey(h.s.certificate.privateKeyPem);
  const issued = h.idp.state.issued;
  return [
    h.s.webApp.secretValue,
    BYO_SECRET,
    WRONG_SECRET,
    PFX_PASSWORD,
    EXPORT_PASSWORD,
    h.s.certificate.privateKeyPem,
    key.export({ type: 'pkcs1', format: 'pem' }).toString(),
    key.export({ type: 'pkcs8', format: 'der' }).toString('base64'),
    String(key.export({ format: 'jwk' }).d),
    pfx.toString('base64'),
    ...issued.access,
    ...issued.refresh,
    ...issued.id,
    ...[...h.idp.state.codes.keys()].map((code) => `http://localhost:50123/?code=${code}&state=abc`),
  ];
}

describe('secrets at rest and in transit, all features together', () => {
  it('ran what it claims: token caches in the vault, issued tokens captured, files exported', () => {
    const vault = JSON.parse(readFileSync(join(dataDirectory, 'vault.json'), 'utf8')) as {
      entries: Record<string, unknown>;
    };
    expect(Object.keys(vault.entries)).toEqual(
      expect.arrayContaining([tokenCacheVaultId(ids.cc), tokenCacheVaultId(ids.cert)]),
    );
    expect(h.idp.state.issued.access.length).toBeGreaterThanOrEqual(6);
    expect(h.idp.state.issued.refresh.length).toBeGreaterThanOrEqual(2);
    expect(readdirSync(exportFolder).sort()).toEqual(
      [
        ...[
          'generated.cer',
          'generated.keycredentials.json',
          'generated.pem',
          'generated.pfx',
          'generated.pfx.b64.txt',
        ],
        'cc-profile.gcw-profile.json',
        'certificate-profile.gcw-profile.json',
        'record.html',
        'record.md',
        'verify-report.html',
        'verify-report.md',
        'workbench-app-export.cer',
        'workbench-app-export.keycredentials.json',
        'workbench-app-export.pem',
        'workbench-app-export.pfx',
        'workbench-app-export.pfx.b64.txt',
      ].sort(),
    );
    expect(host.calls.filter((c) => !c.result.ok).map((c) => c.method)).toEqual(['signin.appOnly']);
  });

  it('no file in the data folder, the export folder or the temp files holds a secret, a key, the PFX or a token', () => {
    const newTmp = readdirSync(realTmp)
      .filter((n) => !tmpBefore.has(n))
      .map((n) => join(realTmp, n))
      .filter((p) => ![appTmp, dataDirectory, exportFolder, inputFolder].includes(p) && existsSync(p));
    const files = [dataDirectory, exportFolder, appTmp, ...newTmp].flatMap((p) =>
      lstatSync(p).isDirectory() ? filesUnder(p) : [p],
    );
    const scan = scanFiles(files, needles);
    const dataFiles = filesUnder(dataDirectory).map((f) => f.slice(dataDirectory.length + 1));
    console.log(
      `secret search: ${needles.length} secrets (${h.idp.state.issued.access.length} access, ${h.idp.state.issued.refresh.length} refresh, ${h.idp.state.issued.id.length} ID tokens, ${h.idp.state.codes.size} codes) in ${needles.reduce((n, x) => n + x.text.length + x.bytes.length, 0)} forms over ${scan.files} files (${scan.bytes} bytes); ` +
        `data folder: ${dataFiles.sort().join(', ')}; export folder: ${readdirSync(exportFolder).length} files; temp files of the app: ${filesUnder(appTmp).length}; ` +
        `other new entries in the system temp folder (any process, searched too): ${newTmp.length}`,
    );
    expect(dataFiles).toEqual(
      expect.arrayContaining([
        'settings.json',
        'profiles.json',
        'vault.json',
        'signin-tests.json',
        join('logs', 'workbench.log'),
      ]),
    );
    // The counts docs/security.md quotes for this search are the ones searched for.
    expect(needles.length).toBe(securityDocFigure(/then (\d+) secrets \(/));
    expect(needles.reduce((n, x) => n + x.text.length + x.bytes.length, 0)).toBe(
      securityDocFigure(/secrets[^|]*? in ([\d,]+) forms \(/),
    );
    expect(scan.hits).toEqual([]);
    // The same search finds them in the user's own files and in a planted canary, so the empty list means something.
    writeFileSync(
      join(inputFolder, 'canary.json'),
      JSON.stringify({ key: h.s.certificate.privateKeyPem, refresh: h.idp.state.issued.refresh[0], pfx }),
    );
    const found = scanFiles(filesUnder(inputFolder), needles).hits.map((hit) => hit.slice(hit.lastIndexOf(': ') + 2));
    expect(found).toEqual(expect.arrayContaining(['PFX bytes', 'private key (PKCS#8)', 'refresh token #1']));
    expect(scanFiles([join(inputFolder, 'picked.pfx')], needles).hits).toEqual([
      `${join(inputFolder, 'picked.pfx')}: PFX bytes`,
    ]);
  });

  it('every file the app wrote is readable and writable by its owner only (0600)', (ctx) => {
    ctx.skip(process.platform === 'win32', 'Windows has no POSIX file modes to check');
    const loose = [...filesUnder(dataDirectory), ...filesUnder(exportFolder)].filter(
      (f) => (lstatSync(f).mode & 0o077) !== 0,
    );
    expect(loose).toEqual([]);
    expect(lstatSync(join(dataDirectory, 'logs')).mode & 0o077).toBe(0);
  });

  it('the log exists, and masks every one of those secrets when one is written to it', () => {
    const logFile = join(dataDirectory, 'logs', 'workbench.log');
    expect(existsSync(logFile)).toBe(true);
    const before = readFileSync(logFile, 'utf8');
    expect(before).toContain('Exported a certificate');
    // What a careless log line would print: every secret in the form the app holds it, alone and inside an error message.
    const values = probeValues();
    const bytes = {
      pfx,
      key: createPrivateKey(h.s.certificate.privateKeyPem).export({ type: 'pkcs8', format: 'der' }),
    };
    host.ctx.log.error('redaction probe', { values, bytes, error: new Error(`failed with ${values.join(' ')}`) });
    const added = readFileSync(logFile, 'utf8').slice(before.length);
    expect(findInText(added, needles)).toEqual([]);
    expect(added).toContain('[redacted');
  });

  it('a copied secret is on the clipboard, then cleared after the configured seconds', () => {
    expect(copies).toEqual([
      { method: 'profiles.copySheetField', text: h.s.webApp.secretValue, delays: [CLEAR_SECONDS * 1000], after: '' },
      { method: 'certificates.copyBase64', text: pfx.toString('base64'), delays: [CLEAR_SECONDS * 1000], after: '' },
    ]);
  });

  it('exercised every contract method (a new method must join this audit)', () => {
    const called = new Set(host.calls.map((c) => c.method));
    const missing = methodNames.filter((m) => !called.has(m) && !(m in notExercised));
    expect(missing, 'add a call of each of these methods to runTheRestOfTheContract()').toEqual([]);
  });

  it('the renderer received no secret: no result of a method without revealsSecret, and no event, carries one', () => {
    const revealing = host.calls.filter((c) => contract[c.method as keyof typeof contract]?.revealsSecret);
    const leaks = host.calls
      .filter((c) => !contract[c.method as keyof typeof contract]?.revealsSecret)
      .flatMap((c) => findInText(JSON.stringify(c.result), needles).map((what) => `${c.method}: ${what}`));
    const eventLeaks = host.events.flatMap((e) =>
      findInText(JSON.stringify(e.payload), needles).map((what) => `event ${e.name}: ${what}`),
    );
    console.log(
      `renderer audit: ${host.calls.length} calls of ${new Set(host.calls.map((c) => c.method)).size} methods, ${host.events.length} events; ${revealing.length} explicit reveals`,
    );
    expect(new Set(host.calls.map((c) => c.method)).size).toBe(
      securityDocFigure(/calls covering all (\d+) contract methods/),
    );
    expect(methodNames.length).toBe(securityDocFigure(/calls covering all (\d+) contract methods/));
    expect(leaks).toEqual([]);
    expect(eventLeaks).toEqual([]);
    // The same search does see secrets where the user asked for them, so the empty lists above mean something.
    expect(revealing.flatMap((c) => findInText(JSON.stringify(c.result), needles)).sort()).toEqual(
      expect.arrayContaining([
        'PFX password',
        'own-app client secret',
        'suggested password',
        expect.stringMatching(/^access token #\d+$/),
      ]),
    );
  });
});
