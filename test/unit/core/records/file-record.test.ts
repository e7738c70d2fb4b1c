// The connection record of a profile file (gcw record): the file's fields as the app's record shows them, the PFX's
// facts in place of the file's, the redirect URI recomputed, no secret rows and no test history.
import { describe, expect, it } from 'vitest';
import { profileOfFile, recordOfProfileFile } from '../../../../src/core/records/file-record';
import { renderRecordMarkdown } from '../../../../src/core/records/render-markdown';
import { PROFILE_FILE_FORMAT, type ProfileFile } from '../../../../src/shared/connections';
import { profileFileSchema } from '../../../../src/shared/connections-schema';

const NOW = new Date('2026-11-29T10:00:00Z');
const CLIENT_ID = '6b8c1a2e-3f4d-4e5a-9b7c-1d2e3f4a5b6c';
const CERT = {
  thumbprintSha1: 'A'.repeat(40),
  thumbprintSha256: 'B'.repeat(64),
  subject: 'CN=Robot',
  notAfter: '2026-12-20T00:00:00.000Z',
  fileName: 'robot.pfx',
};

const file = (fields: Record<string, unknown>): ProfileFile =>
  profileFileSchema.parse({ format: PROFILE_FILE_FORMAT, schemaVersion: 1, ...fields });

describe('record of a profile file', () => {
  it('takes the PFX’s facts over the file’s, and warns of the expiry in 21 days', () => {
    const f = file({
      auth: 'certificate',
      name: 'Robot',
      clientId: CLIENT_ID,
      tenant: 'contoso.com',
      upn: 'robot@contoso.com',
      certificate: { ...CERT, thumbprintSha1: 'C'.repeat(40) },
      scopes: ['User.Read', 'Files.Read'],
    });
    const record = recordOfProfileFile({
      file: f,
      certificate: CERT,
      verification: null,
      now: NOW,
      generator: 'gcw 9.9.9',
    });
    expect(record.certificate).toMatchObject({
      thumbprintSha1: CERT.thumbprintSha1,
      subject: 'CN=Robot',
      fileName: 'robot.pfx',
    });
    expect(record.certificate?.expiry).toMatchObject({ status: 'within-30-days' });
    expect(record.upn).toBe('robot@contoso.com');
    expect(record.secrets).toEqual([]);
    expect(record.lastSuccessfulTest).toBeNull();
    expect(record.permissions.map((p) => [p.value, p.kind])).toEqual([
      ['User.Read', 'delegated'],
      ['Files.Read', 'delegated'],
    ]);
    const md = renderRecordMarkdown(record);
    expect(md).toContain('Made 2026-11-29 10:00 UTC by gcw 9.9.9');
    expect(md).toContain('None recorded');
    // Where secrets live is the app's to say: a file record has no such rows.
    expect(md).not.toMatch(/OS keychain|Not stored in the Workbench/);
  });

  it('keeps the file’s own certificate facts when no PFX is given', () => {
    const f = file({
      auth: 'certificate',
      name: 'Robot',
      clientId: CLIENT_ID,
      tenant: 'contoso.com',
      upn: 'robot@contoso.com',
      certificate: CERT,
    });
    expect(
      recordOfProfileFile({ file: f, certificate: null, verification: null, now: NOW, generator: 'gcw' }).certificate
        ?.thumbprintSha1,
    ).toBe(CERT.thumbprintSha1);
  });

  it('recomputes the redirect URI from the domain, whatever the file says', () => {
    const f = file({
      auth: 'byo-app',
      name: 'Own',
      clientId: CLIENT_ID,
      tenant: 'contoso.com',
      domain: 'flows.contoso.com',
      redirectUri: 'https://evil.example/cb',
    });
    expect(profileOfFile(f, null, NOW)).toMatchObject({
      redirectUri: 'https://flows.contoso.com/provisioning_/callback',
      createdAt: NOW.toISOString(),
    });
  });

  it('ignores a certificate for an option that has none', () => {
    const f = file({
      auth: 'client-credentials',
      name: 'Secret',
      clientId: CLIENT_ID,
      tenant: 'contoso.com',
      secretExpiresAt: '2027-01-10',
    });
    const record = recordOfProfileFile({ file: f, certificate: CERT, verification: null, now: NOW, generator: 'gcw' });
    expect(record.certificate).toBeNull();
    expect(record.secretExpiry).toMatchObject({ status: 'ok' });
  });
});
