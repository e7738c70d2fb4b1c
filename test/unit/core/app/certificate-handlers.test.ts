// The Certificates contract through the dispatcher: open, unlock, decode, copy, generate, export, hand-off.
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher, type CallRecord } from '../../../../src/core/app/dispatcher';
import { createHandlers } from '../../../../src/core/app/handlers';
import { shutdownCertificateWorkers, writePkcs12 } from '../../../../src/core/certificates';
import type { HeldCertificate } from '../../../../src/shared/certificates';
import type {
  CertificateExportFiles,
  CertificateExportResult,
  DecodedBase64,
} from '../../../../src/shared/contract/certificates';
import type { DownloadFile } from '../../../../src/shared/download';
import { contract } from '../../../../src/shared/contract';
import type { Result } from '../../../../src/shared/result';
import { openssl } from '../../../fixtures/pkcs12/openssl';
import { testCertificate, type TestCertificate } from '../../../fixtures/pkcs12/test-certificates';
import { createTestHost, type TestHost } from '../../../support/test-context';
import { ManualTimers } from '../../../support/doubles';
import { skipWithout } from '../../../support/reference-tools';

const noOpenssl = skipWithout('openssl', 'the check that OpenSSL opens an exported PFX without -legacy');

const PASSWORD = 'Correct-Horse-42';
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`expected success, got ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

function failure(result: Result<unknown>) {
  if (result.ok) throw new Error('expected a failure, but it succeeded');
  return result.error;
}

describe('certificates contract', () => {
  let host: TestHost;
  let timers: ManualTimers;
  let calls: CallRecord[];
  let call: (method: string, input: unknown) => Promise<Result<unknown>>;
  let cert: TestCertificate;
  let pfx: Buffer;
  let emptyPasswordPfx: Buffer;
  const secrets: string[] = [];

  beforeAll(async () => {
    timers = new ManualTimers();
    host = createTestHost({ timers });
    calls = [];
    const dispatcher = createDispatcher(createHandlers(host.ctx), { log: host.ctx.log, onCall: (r) => calls.push(r) });
    call = (method, input) => dispatcher.call(method, input);
    cert = await testCertificate('ec-p256', 'Contoso Handler Test');
    pfx = await writePkcs12({
      certificate: cert.der,
      privateKey: cert.key,
      password: PASSWORD,
      friendlyName: 'Contoso Handler Test',
    });
    // Made by OpenSSL with an empty password (test/fixtures/pkcs12/outside).
    emptyPasswordPfx = readFileSync(
      resolve(import.meta.dirname, '../../../fixtures/pkcs12/outside/ec-empty-password.pfx'),
    );
    secrets.push(PASSWORD, b64(pfx), b64(emptyPasswordPfx));
  });

  afterAll(async () => {
    await host.ctx.dispose();
    await shutdownCertificateWorkers();
  });

  const inspect = (bytes: Uint8Array, password: string | null, extra: Record<string, unknown> = {}) =>
    call('certificates.inspect', { fileName: 'contoso.pfx', bytesBase64: b64(bytes), password, ...extra });

  it('opens a PFX with its password and returns facts, not the password or the bytes', async () => {
    const held = value<HeldCertificate>(await inspect(pfx, PASSWORD));
    expect(held.ref).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(held).toMatchObject({ fileName: 'contoso.pfx', exportName: 'contoso' });
    expect(held.details).toMatchObject({
      origin: 'pfx-file',
      hasPrivateKey: true,
      keyMatchesCertificate: true,
      passwordUsed: 'given',
      pfxSize: pfx.length,
    });
    expect(held.details.certificate.thumbprintSha1).toMatch(/^[0-9A-F]{40}$/);
    expect(held.details.base64Length).toBe(b64(pfx).length);
    expect(held.details.protection?.summary).toContain('AES-256-CBC');
  });

  it('keeps a protected PFX locked until the password comes, and says which check failed', async () => {
    const locked = failure(await inspect(pfx, null));
    expect(locked.code).toBe('pfx.password_required');
    const ref = String(locked.details?.ref);
    expect(ref.length).toBeGreaterThan(16);
    const wrong = failure(await call('certificates.unlock', { ref, password: 'not-it' }));
    expect(wrong).toMatchObject({ code: 'pfx.wrong_password', details: { failedCheck: 'mac', ref } });
    expect(wrong.message).toContain('integrity check (MAC)');
    const held = value<HeldCertificate>(await call('certificates.unlock', { ref, password: PASSWORD }));
    expect(held.ref).toBe(ref);
    expect(held.details.passwordUsed).toBe('given');
  });

  it('opens a file saved with an empty password without one, and despite a typed one unless told not to', async () => {
    expect(value<HeldCertificate>(await inspect(emptyPasswordPfx, null)).details.passwordUsed).toBe('empty');
    expect(value<HeldCertificate>(await inspect(emptyPasswordPfx, 'typed-anyway')).details.passwordUsed).toBe('empty');
    expect(failure(await inspect(emptyPasswordPfx, 'typed-anyway', { tryEmptyAndAbsent: false })).code).toBe(
      'pfx.wrong_password',
    );
  });

  it('opens the base64 text of a PFX dropped as a .txt file', async () => {
    const held = value<HeldCertificate>(await inspect(Buffer.from(`${b64(pfx)}\r\n`), PASSWORD));
    expect(held.details.origin).toBe('base64-text');
    expect(held.details.pfxSize).toBe(pfx.length);
  });

  it('shows a .cer without a private key, and refuses to copy, export or hand it off', async () => {
    const held = value<HeldCertificate>(await inspect(cert.der, null));
    expect(held.details).toMatchObject({
      origin: 'certificate-file',
      hasPrivateKey: false,
      protection: null,
      base64Length: null,
    });
    expect(held.details.warnings.map((w) => w.code)).toContain('no_private_key');
    expect(failure(await call('certificates.copyBase64', { ref: held.ref })).code).toBe('pfx.no_private_key');
    expect(failure(await call('certificates.export', { ref: held.ref, password: PASSWORD })).code).toBe(
      'pfx.no_private_key',
    );
    expect(failure(await call('certificates.handoff', { ref: held.ref })).code).toBe('pfx.no_private_key');
  });

  it('names what a file is when it is not a certificate', async () => {
    expect(failure(await inspect(Buffer.from('PK\x03\x04rest-of-a-zip'), null))).toMatchObject({
      code: 'pfx.not_pkcs12',
      details: { detected: 'zip' },
    });
    expect(failure(await inspect(Buffer.alloc(0), null)).code).toBe('pfx.empty_file');
    expect(failure(await inspect(pfx.subarray(0, pfx.length - 40), PASSWORD)).code).toBe('pfx.truncated');
  });

  it('decodes pasted base64: a protected PFX is held locked, a certificate is shown, junk is refused', async () => {
    const decoded = value<DecodedBase64>(await call('certificates.decodeBase64', { text: `"${b64(pfx)}"` }));
    expect(decoded).toMatchObject({ found: { kind: 'pkcs12' }, byteLength: pfx.length, certificate: null });
    const held = value<HeldCertificate>(
      await call('certificates.unlock', { ref: decoded.lockedRef, password: PASSWORD }),
    );
    expect(held.details.origin).toBe('base64-text');
    const ofCer = value<DecodedBase64>(await call('certificates.decodeBase64', { text: b64(cert.der) }));
    expect(ofCer.certificate?.details.certificate.thumbprintSha1).toBe(held.details.certificate.thumbprintSha1);
    const zip = value<DecodedBase64>(
      await call('certificates.decodeBase64', { text: b64(Buffer.from('PK\x03\x04zip')) }),
    );
    expect(zip).toMatchObject({ found: { kind: 'zip' }, certificate: null, lockedRef: null });
    expect(failure(await call('certificates.decodeBase64', { text: 'not base64 at all!' })).code).toBe(
      'pfx.invalid_base64',
    );
  });

  it('copies the exact base64 as a secret and clears it from the clipboard after the configured seconds', async () => {
    const held = value<HeldCertificate>(await inspect(pfx, PASSWORD));
    const copied = value<{ clearsInSeconds: number; length: number }>(
      await call('certificates.copyBase64', { ref: held.ref }),
    );
    expect(copied).toEqual({ clearsInSeconds: 60, length: b64(pfx).length });
    expect(host.clipboard.text).toBe(b64(pfx));
    expect(timers.pendingDelays()).toEqual([60_000]);
    await timers.runAll();
    expect(host.clipboard.text).toBe('');
    expect(host.events.some((e) => e.name === 'app.notice')).toBe(true);
  });

  it('generates with progress, then needs an export before it has base64 or can be handed off', async () => {
    const held = value<HeldCertificate>(
      await call('certificates.generate', {
        commonName: 'Contoso Sync',
        organization: 'Contoso',
        key: 'ec-p256',
        operationId: 'op-1',
      }),
    );
    const stages = host.events.filter((e) => e.name === 'certificates.progress').map((e) => e.payload);
    expect(stages).toEqual(
      ['generating-key', 'building-certificate', 'signing', 'done'].map((stage) => ({ operationId: 'op-1', stage })),
    );
    expect(held.details).toMatchObject({
      origin: 'generated',
      hasPrivateKey: true,
      keyMatchesCertificate: true,
      base64Length: null,
    });
    expect(held.details.certificate).toMatchObject({ subject: 'CN=Contoso Sync, O=Contoso', lacksClientAuth: false });
    expect(held.exportName).toBe('Contoso-Sync');
    expect(failure(await call('certificates.copyBase64', { ref: held.ref })).code).toBe('pfx.not_exported');
    expect(failure(await call('certificates.saveBase64', { ref: held.ref })).code).toBe('pfx.not_exported');
    expect(failure(await call('certificates.handoff', { ref: held.ref })).code).toBe('pfx.not_exported');
    expect(failure(await call('certificates.generate', { commonName: '   ' })).code).toBe('pfx.invalid_options');
    expect(failure(await call('certificates.generate', { commonName: 'x', validityYears: 5 })).code).toBe(
      'ipc.invalid_input',
    );
  });

  describe('export', () => {
    let held: HeldCertificate;
    let folder: string;
    let exported: CertificateExportResult;

    beforeAll(async () => {
      held = value<HeldCertificate>(
        await call('certificates.generate', { commonName: 'Contoso Export', key: 'rsa-2048' }),
      );
      folder = mkdtempSync(join(tmpdir(), 'gcw-export-'));
      host.dialogs.folderQueue.push(folder);
      exported = value<CertificateExportResult>(
        await call('certificates.export', { ref: held.ref, password: PASSWORD }),
      );
    });

    it('writes the five files owner-only, and the held certificate is now the exported PFX', async () => {
      const names = ['pfx', 'cer', 'pem', 'pfx.b64.txt', 'keycredentials.json'].map((ext) => `Contoso-Export.${ext}`);
      expect(exported).toMatchObject({ folder, name: 'Contoso-Export', files: names.map((n) => join(folder, n)) });
      for (const file of exported.files) expect(statSync(file).mode & 0o777).toBe(0o600);
      const written = readFileSync(join(folder, 'Contoso-Export.pfx'));
      expect(readFileSync(join(folder, 'Contoso-Export.pfx.b64.txt'), 'utf8')).toBe(b64(written));
      expect(exported.certificate).toMatchObject({ ref: held.ref, fileName: 'Contoso-Export.pfx' });
      expect(exported.certificate.details).toMatchObject({
        origin: 'generated',
        passwordUsed: 'given',
        base64Length: b64(written).length,
      });
      expect(exported.certificate.details.protection?.summary).toContain('MAC SHA-256');
      await call('certificates.copyBase64', { ref: held.ref });
      expect(host.clipboard.text).toBe(b64(written));
      secrets.push(b64(written));
    });

    it('gives the same five files as downloads for the browser (gcw ui), with no dialog, and holds the new PFX', async () => {
      const before = host.dialogs.folderQueue.length;
      const other = value<HeldCertificate>(
        await call('certificates.generate', { commonName: 'Contoso Download', key: 'ec-p256' }),
      );
      const downloads = value<CertificateExportFiles>(
        await call('certificates.exportFiles', { ref: other.ref, password: PASSWORD, name: 'Contoso-Download' }),
      );
      expect(host.dialogs.folderQueue.length).toBe(before);
      expect(downloads.name).toBe('Contoso-Download');
      expect(downloads.files.map((f) => [f.fileName, f.mediaType])).toEqual([
        ['Contoso-Download.pfx', 'application/x-pkcs12'],
        ['Contoso-Download.cer', 'application/pkix-cert'],
        ['Contoso-Download.pem', 'application/x-pem-file'],
        ['Contoso-Download.pfx.b64.txt', 'text/plain'],
        ['Contoso-Download.keycredentials.json', 'application/json'],
      ]);
      const [pfxFile, cerFile, pemFile, b64File, keyCredentials] = downloads.files;
      expect(b64File!.text).toBe(pfxFile!.base64);
      expect(downloads.certificate).toMatchObject({
        ref: other.ref,
        fileName: 'Contoso-Download.pfx',
        details: { base64Length: pfxFile!.base64!.length },
      });
      // The downloaded PFX opens with the password; its certificate is the .cer and the .pem.
      const reopened = value<HeldCertificate>(await inspect(Buffer.from(pfxFile!.base64!, 'base64'), PASSWORD));
      expect(reopened.details.certificate.thumbprintSha1).toBe(other.details.certificate.thumbprintSha1);
      expect(pemFile!.text).toContain(Buffer.from(cerFile!.base64!, 'base64').toString('base64').slice(0, 64));
      expect(JSON.parse(keyCredentials!.text!)).toHaveProperty('keyCredentials');
      expect(value<DownloadFile>(await call('certificates.base64File', { ref: other.ref }))).toEqual({
        fileName: 'Contoso-Download.pfx.b64.txt',
        mediaType: 'text/plain',
        text: pfxFile!.base64,
      });
      expect(failure(await call('certificates.exportFiles', { ref: other.ref, password: '' })).code).toBe(
        'pfx.export_password_required',
      );
      secrets.push(pfxFile!.base64!);
    });

    it.skipIf(noOpenssl !== null)('is opened by openssl pkcs12 -info without -legacy', async () => {
      const r = await openssl([
        'pkcs12',
        '-in',
        join(folder, 'Contoso-Export.pfx'),
        '-info',
        '-noout',
        '-passin',
        `pass:${PASSWORD}`,
      ]);
      expect(r.code).toBe(0);
      expect(`${r.stdout}${r.stderr}`).toContain('MAC: sha256');
    });

    it('uses one keyId for the copied keyCredentials entry and the exported file', async () => {
      value(await call('certificates.copyKeyCredentials', { ref: held.ref }));
      const copied = JSON.parse(host.clipboard.text) as {
        keyCredentials: Array<{ keyId: string; customKeyIdentifier: string }>;
      };
      const file = JSON.parse(
        readFileSync(join(folder, 'Contoso-Export.keycredentials.json'), 'utf8'),
      ) as typeof copied;
      expect(copied.keyCredentials[0]!.keyId).toBe(file.keyCredentials[0]!.keyId);
      expect(copied.keyCredentials[0]!.customKeyIdentifier).toBe(
        exported.certificate.details.certificate.thumbprintSha1,
      );
    });

    it('refuses to replace files, listing them, then replaces them in the same folder when confirmed', async () => {
      host.dialogs.folderQueue.push(folder);
      const before = readFileSync(join(folder, 'Contoso-Export.pfx'));
      const refused = failure(
        await call('certificates.export', { ref: held.ref, password: PASSWORD, profile: 'compat' }),
      );
      expect(refused).toMatchObject({ code: 'file.exists', details: { folder, count: 5 } });
      expect(String(refused.details?.files).split('\n')).toContain('Contoso-Export.pfx');
      expect(readFileSync(join(folder, 'Contoso-Export.pfx')).equals(before)).toBe(true);
      expect(host.dialogs.folderQueue).toEqual([]);
      const replaced = value<CertificateExportResult>(
        await call('certificates.export', { ref: held.ref, password: PASSWORD, profile: 'compat', overwrite: true }),
      );
      expect(replaced.folder).toBe(folder);
      expect(replaced.certificate.details.protection?.summary).toContain('MAC SHA-1');
      expect(readFileSync(join(folder, 'Contoso-Export.pfx')).equals(before)).toBe(false);
      secrets.push(b64(readFileSync(join(folder, 'Contoso-Export.pfx'))));
    });

    it('needs a password, a usable name and a chosen folder', async () => {
      expect(failure(await call('certificates.export', { ref: held.ref, password: '' })).code).toBe(
        'pfx.export_password_required',
      );
      expect(
        failure(await call('certificates.export', { ref: held.ref, password: PASSWORD, name: 'bad/name' })).code,
      ).toBe('pfx.invalid_options');
      expect(failure(await call('certificates.export', { ref: held.ref, password: PASSWORD })).code).toBe(
        'dialog.cancelled',
      );
    });

    it('saves the base64 as an owner-only text file chosen in the save dialog', async () => {
      const target = join(folder, 'saved.pfx.b64.txt');
      host.dialogs.saveQueue.push(target);
      expect(value(await call('certificates.saveBase64', { ref: held.ref }))).toEqual({ path: target });
      expect(readFileSync(target, 'utf8')).toBe(readFileSync(join(folder, 'Contoso-Export.pfx.b64.txt'), 'utf8'));
      expect(statSync(target).mode & 0o777).toBe(0o600);
      expect(failure(await call('certificates.saveBase64', { ref: held.ref })).code).toBe('dialog.cancelled');
    });

    it('hands the exported certificate to a connection: facts for the renderer, secrets for main only', async () => {
      const facts = value(await call('certificates.handoff', { ref: held.ref }));
      expect(facts).toEqual({
        ref: held.ref,
        thumbprintSha1: exported.certificate.details.certificate.thumbprintSha1,
        thumbprintSha256: exported.certificate.details.certificate.thumbprintSha256,
        subject: 'CN=Contoso Export',
        notAfter: exported.certificate.details.certificate.notAfter,
        fileName: 'Contoso-Export.pfx',
      });
      const forMain = host.ctx.certificates.takeForConnection(held.ref);
      expect(forMain.password).toBe(PASSWORD);
      expect(forMain.pfxBase64).toBe(b64(readFileSync(join(folder, 'Contoso-Export.pfx'))));
    });
  });

  it('opens a file chosen in the OS dialog, and refuses one far too large for a PFX', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'gcw-open-'));
    writeFileSync(join(folder, 'chosen.p12'), pfx);
    host.dialogs.openQueue.push(join(folder, 'chosen.p12'));
    expect(value<HeldCertificate>(await call('certificates.inspectFile', { password: PASSWORD })).fileName).toBe(
      'chosen.p12',
    );
    writeFileSync(join(folder, 'huge.pfx'), Buffer.alloc(11 * 1024 * 1024));
    host.dialogs.openQueue.push(join(folder, 'huge.pfx'));
    expect(failure(await call('certificates.inspectFile', { password: null })).code).toBe('pfx.too_large');
    host.dialogs.openQueue.push(join(folder, 'gone.pfx'));
    expect(failure(await call('certificates.inspectFile', { password: null })).code).toBe('file.not_found');
    expect(failure(await call('certificates.inspectFile', { password: null })).code).toBe('dialog.cancelled');
  });

  it('suggests strong passwords on request and copies one as a secret', async () => {
    const { password } = value<{ password: string }>(await call('certificates.suggestPassword', {}));
    expect(password).toMatch(/^([A-Za-z2-9]{5}-){3}[A-Za-z2-9]{5}$/);
    secrets.push(password);
    expect(value(await call('certificates.copyPassword', { password }))).toEqual({ clearsInSeconds: 60 });
    expect(host.clipboard.text).toBe(password);
  });

  it('forgets a discarded certificate', async () => {
    const held = value<HeldCertificate>(await inspect(pfx, PASSWORD));
    expect(value(await call('certificates.discard', { ref: held.ref }))).toEqual({ discarded: true });
    expect(failure(await call('certificates.copyBase64', { ref: held.ref })).code).toBe('pfx.session_expired');
    expect(failure(await call('certificates.unlock', { ref: 'A'.repeat(22), password: null })).code).toBe(
      'pfx.session_expired',
    );
  });

  it('never returns a password or PFX base64 except the suggested password and the downloads asked for, and never logs them', () => {
    const leaks = calls
      .filter((c) => c.method !== 'certificates.suggestPassword')
      // The browser's downloads (gcw ui) carry the PFX by design, as the desktop app writes it to the chosen file.
      .filter((c) => !contract[c.method as keyof typeof contract]?.revealsSecret)
      .filter((c) => {
        const text = JSON.stringify(c.result);
        return secrets.some((s) => text.includes(s));
      })
      .map((c) => c.method);
    expect(leaks).toEqual([]);
    const log = host.logLines.join('\n');
    expect(secrets.filter((s) => log.includes(s))).toEqual([]);
  });
});

describe('certificate session lifetime', () => {
  it('drops a certificate after 30 minutes without use, and everything on dispose', async () => {
    let now = 1_000_000;
    const host = createTestHost({ certificateSession: { now: () => now } });
    const dispatcher = createDispatcher(createHandlers(host.ctx), { log: host.ctx.log });
    const cert = await testCertificate('ec-p256', 'Contoso Handler Test');
    const bytes = b64(cert.der);
    const first = value<HeldCertificate>(
      await dispatcher.call('certificates.inspect', { fileName: 'a.cer', bytesBase64: bytes, password: null }),
    );
    const second = value<HeldCertificate>(
      await dispatcher.call('certificates.inspect', { fileName: 'b.cer', bytesBase64: bytes, password: null }),
    );
    now += 29 * 60_000;
    value(await dispatcher.call('certificates.copyKeyCredentials', { ref: first.ref }));
    now += 2 * 60_000;
    expect(failure(await dispatcher.call('certificates.copyKeyCredentials', { ref: second.ref })).code).toBe(
      'pfx.session_expired',
    );
    value(await dispatcher.call('certificates.copyKeyCredentials', { ref: first.ref }));
    expect(host.ctx.certificates.size).toBe(1);
    await host.ctx.dispose();
    expect(host.ctx.certificates.size).toBe(0);
  });
});
