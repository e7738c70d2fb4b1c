import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildExportSet,
  buildKeyCredential,
  certificateToPem,
  exportFileNames,
  findExistingExportFiles,
  inspectPkcs12,
  safeFileName,
  shutdownCertificateWorkers,
  toBase64,
  writeExportSet,
  writePkcs12,
} from '../../../../src/core/certificates';
import { failureOf, testCertificate, type TestCertificate } from '../../../fixtures/pkcs12/test-certificates';

let cert: TestCertificate;
let other: TestCertificate;

beforeAll(async () => {
  cert = await testCertificate('ec-p256', 'Export App');
  other = await testCertificate('ec-p256', 'Someone Else');
  return () => shutdownCertificateWorkers();
});

describe('writePkcs12 input checks', () => {
  it('pfx.export_password_required: an empty password is refused', async () => {
    expect(await failureOf(writePkcs12({ certificate: cert.der, privateKey: cert.key, password: '' }))).toMatchObject({
      code: 'pfx.export_password_required',
    });
  });

  it('pfx.export_key_mismatch: the key must belong to the certificate', async () => {
    expect(await failureOf(writePkcs12({ certificate: cert.der, privateKey: other.key, password: 'x' }))).toMatchObject(
      { code: 'pfx.export_key_mismatch' },
    );
  });

  it('pfx.invalid_certificate and pfx.invalid_options for bad inputs', async () => {
    expect(
      await failureOf(writePkcs12({ certificate: Buffer.from('junk'), privateKey: cert.key, password: 'x' })),
    ).toMatchObject({ code: 'pfx.invalid_certificate' });
    expect(
      await failureOf(writePkcs12({ certificate: cert.der, privateKey: cert.key, password: 'x', iterations: 0 })),
    ).toMatchObject({ code: 'pfx.invalid_options' });
    expect(
      await failureOf(writePkcs12({ certificate: cert.der, privateKey: Buffer.from('junk'), password: 'x' })),
    ).toMatchObject({ code: 'pfx.invalid_options', details: { field: 'privateKey' } });
    expect(
      await failureOf(
        writePkcs12({ certificate: cert.der, privateKey: cert.key, password: 'x', profile: 'weird' as never }),
      ),
    ).toMatchObject({ details: { field: 'profile' } });
  });

  it('accepts the key as PKCS#8 DER and keeps a chain', async () => {
    const pfx = await writePkcs12({
      certificate: cert.der,
      chain: [other.der],
      privateKey: cert.pkcs8,
      password: 'x',
      iterations: 4000,
    });
    const details = await inspectPkcs12(pfx, 'x');
    expect(details.chain).toHaveLength(2);
    expect(details.chain[1]!.role).toBe('unrelated');
    expect(details.protection.summary).toContain('4,000 iterations');
  });
});

describe('keyCredentials entry', () => {
  it('has the Microsoft Graph shape; customKeyIdentifier is the hex SHA-1 thumbprint (or base64 of the same bytes)', async () => {
    const details = (
      await inspectPkcs12(await writePkcs12({ certificate: cert.der, privateKey: cert.key, password: 'x' }), 'x')
    ).certificate;
    const entry = buildKeyCredential(cert.der, { keyId: '11111111-2222-3333-4444-555555555555' });
    expect(entry).toEqual({
      customKeyIdentifier: details.thumbprintSha1,
      displayName: 'CN=Export App',
      endDateTime: details.notAfter.replace('.000Z', 'Z'),
      key: toBase64(cert.der),
      keyId: '11111111-2222-3333-4444-555555555555',
      startDateTime: details.notBefore.replace('.000Z', 'Z'),
      type: 'AsymmetricX509Cert',
      usage: 'Verify',
    });
    const b64 = buildKeyCredential(cert.der, { customKeyIdentifierEncoding: 'base64' }).customKeyIdentifier;
    expect(Buffer.from(b64, 'base64').toString('hex').toUpperCase()).toBe(details.thumbprintSha1);
    expect(buildKeyCredential(cert.der).keyId).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('export set on disk', () => {
  it('writes NAME.pfx/.cer/.pem/.pfx.b64.txt/.keycredentials.json owner-only, and never overwrites unasked', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'gcw-export-'));
    const set = await buildExportSet({
      certificate: cert.der,
      privateKey: cert.key,
      password: 'Ex-port-1',
      friendlyName: 'Export App',
    });
    expect(findExistingExportFiles(folder, 'export-app')).toEqual([]);
    const { files } = writeExportSet(folder, 'export-app', set);
    expect(files.map((f) => f.slice(folder.length + 1))).toEqual(Object.values(exportFileNames('export-app')));
    for (const file of files) expect(statSync(file).mode & 0o777).toBe(0o600);
    const names = exportFileNames('export-app');
    expect(readFileSync(join(folder, names.pfx)).equals(set.pfx)).toBe(true);
    expect(readFileSync(join(folder, names.cer)).equals(cert.der)).toBe(true);
    expect(readFileSync(join(folder, names.pem), 'utf8')).toBe(certificateToPem(cert.der));
    expect(readFileSync(join(folder, names.base64), 'utf8')).toBe(set.pfx.toString('base64'));
    expect(JSON.parse(readFileSync(join(folder, names.keyCredentials), 'utf8'))).toEqual({
      keyCredentials: [set.keyCredential],
    });
    expect((await inspectPkcs12(readFileSync(join(folder, names.pfx)), 'Ex-port-1')).certificate.friendlyName).toBe(
      'Export App',
    );

    expect(findExistingExportFiles(folder, 'export-app')).toHaveLength(5);
    const refused = await failureOf(() => writeExportSet(folder, 'export-app', set));
    expect(refused).toMatchObject({ code: 'file.exists' });
    expect(String(refused.details?.files)).toContain('export-app.pfx');
    const replaced = await buildExportSet({ certificate: other.der, privateKey: other.key, password: 'Ex-port-2' });
    writeExportSet(folder, 'export-app', replaced, { overwrite: true });
    expect(readFileSync(join(folder, names.cer)).equals(other.der)).toBe(true);
    expect(statSync(join(folder, names.pfx)).mode & 0o777).toBe(0o600);
  });

  it('refuses when only one of the files exists and leaves the folder as it was', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'gcw-export-'));
    writeFileSync(join(folder, 'app.pem'), 'mine');
    const set = await buildExportSet({ certificate: cert.der, privateKey: cert.key, password: 'x' });
    expect(await failureOf(() => writeExportSet(folder, 'app', set))).toMatchObject({ code: 'file.exists' });
    expect(findExistingExportFiles(folder, 'app')).toEqual([join(folder, 'app.pem')]);
    expect(readFileSync(join(folder, 'app.pem'), 'utf8')).toBe('mine');
  });

  it('derives safe file names and refuses unsafe ones', async () => {
    expect(safeFileName('Contoso Graph: Prod/EU')).toBe('Contoso-Graph-Prod-EU');
    expect(safeFileName('..')).toBe('certificate');
    expect(safeFileName('CON')).toBe('CON-certificate');
    const set = await buildExportSet({ certificate: cert.der, privateKey: cert.key, password: 'x' });
    expect(await failureOf(() => writeExportSet(tmpdir(), '../escape', set))).toMatchObject({
      code: 'pfx.invalid_options',
      details: { field: 'name' },
    });
  });
});
