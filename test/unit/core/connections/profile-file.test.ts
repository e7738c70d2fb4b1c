import { describe, expect, it } from 'vitest';
import { buildProfileFromFlags, lintExitCode, lintProfileFile } from '../../../../src/core/connections';
import { CERTIFICATE, CLIENT_ID, NOW, TENANT_ID } from './fixtures';

const file = (o: Record<string, unknown> = {}) =>
  JSON.stringify({
    format: 'gcw-profile',
    schemaVersion: 1,
    auth: 'client-credentials',
    name: 'Lint me',
    clientId: CLIENT_ID,
    tenant: TENANT_ID,
    scopes: ['offline_access', 'Files.Read'],
    ...o,
  });

const lint = (text: string) => lintProfileFile(text, { now: NOW });
const codes = (text: string) => {
  const r = lint(text);
  return r.ok ? r.value.findings.map((f) => f.code) : [r.error.code];
};

describe('gcw profile lint', () => {
  it('exit 0 for a clean profile, also with warnings only', () => {
    expect(lint(file())).toMatchObject({
      ok: true,
      value: { findings: [], status: { completeness: { state: 'complete' }, errors: 0 } },
    });
    expect(lintExitCode(lint(file()))).toBe(0);
    const warned = lint(file({ tenant: 'contoso.onmicrosoft.us' }));
    expect(warned.ok && warned.value.findings.map((f) => f.severity)).toEqual(['warning']);
    expect(lintExitCode(warned)).toBe(0);
  });

  it('exit 1 when there are errors, each with code, severity, field and message', () => {
    const result = lint(file({ clientId: 'not-a-guid' }));
    expect(result.ok && result.value.findings).toEqual([
      { code: 'client_id.not_guid', severity: 'error', field: 'clientId', message: expect.stringContaining('GUID') },
    ]);
    expect(lintExitCode(result)).toBe(1);
  });

  it('quotes an "auth" that is an object as JSON, not as [object Object]', () => {
    const result = lint(file({ auth: { kind: 'client-credentials' } }));
    const message = result.ok
      ? result.value.findings.find((f) => f.code === 'auth.invalid')?.message
      : result.error.message;
    expect(message).toContain('{"kind":"client-credentials"}');
    expect(message).not.toContain('[object Object]');
  });

  it('reports the status fields a file can tell: missing fields, errors apart from them, and expiry', () => {
    const result = lint(file({ clientId: '', tenant: 'not a tenant', secretExpiresAt: '2026-01-20' }));
    expect(result.ok && result.value.status).toEqual({
      completeness: { state: 'incomplete', missing: ['Client ID'] },
      errors: 1,
      warnings: 0,
      expiry: { state: 'expiring', what: 'secret', expiresAt: '2026-01-20T00:00:00.000Z', daysLeft: 5 },
    });
  });

  it.each([
    ['not JSON', '{ "auth": '],
    ['a list', '[]'],
    ['another format', JSON.stringify({ format: 'something-else', auth: 'byo-app' })],
    ['neither marker nor auth', JSON.stringify({ clientId: CLIENT_ID })],
    ['the profile store itself', JSON.stringify({ version: 1, profiles: [] })],
  ])('exit 2 (profile.not_a_profile) for %s', (_what, text) => {
    const result = lint(text);
    expect(result.ok ? null : result.error.code).toBe('profile.not_a_profile');
    expect(result.ok ? '' : result.error.message.length).toBeGreaterThan(20);
    expect(lintExitCode(result)).toBe(2);
  });

  it('accepts a hand-written profile without the format marker', () => {
    expect(
      codes(
        JSON.stringify({
          auth: 'client-credentials',
          name: 'x',
          clientId: CLIENT_ID,
          tenant: TENANT_ID,
          scopes: ['offline_access', 'Files.Read'],
        }),
      ),
    ).toEqual([]);
  });

  it('file.unknown_field: reported as a warning, the rest still checked', () => {
    expect(codes(file({ clientSecret: 'should-not-be-here' }))).toEqual(['file.unknown_field']);
    expect(codes(file())).not.toContain('file.unknown_field');
  });

  it('file.newer_version: a warning, values still checked', () => {
    expect(codes(file({ schemaVersion: 2, clientId: 'x' }))).toEqual(['file.newer_version', 'client_id.not_guid']);
    expect(codes(file({ schemaVersion: 1 }))).not.toContain('file.newer_version');
  });

  it('file.wrong_type: the field falls back to its default and the rest is still checked', () => {
    const result = lint(file({ scopes: 'Files.Read', clientId: 'x' }));
    const findings = result.ok ? result.value.findings : [];
    expect(findings[0]).toMatchObject({
      code: 'file.wrong_type',
      field: 'scopes',
      message: '“scopes” must be a list; the default is used instead.',
    });
    expect(findings.map((f) => f.code)).toEqual(
      expect.arrayContaining(['client_id.not_guid', 'scopes.missing_minimum']),
    );
    expect(codes(file({ scopes: ['Files.Read'] }))).not.toContain('file.wrong_type');
  });

  it('auth.invalid: an error naming the three options', () => {
    const result = lint(file({ auth: 'password' }));
    expect(result.ok && result.value.findings).toEqual([
      expect.objectContaining({ code: 'auth.invalid', severity: 'error', message: expect.stringContaining('byo-app') }),
    ]);
    expect(lintExitCode(result)).toBe(1);
    expect(
      codes(
        file({
          auth: 'byo-app',
          domain: 'cloud.example.com',
          scopes: ['openid', 'offline_access', 'User.Read', 'Files.Read'],
        }),
      ),
    ).toEqual([]);
  });
});

describe('gcw profile new', () => {
  it('writes a profile file without secrets, with the minimum scopes by default', () => {
    const built = buildProfileFromFlags(
      { auth: 'byo-app', clientId: CLIENT_ID, tenant: TENANT_ID, domain: 'cloud.example.com' },
      { now: NOW },
    );
    expect(built.file).toMatchObject({
      format: 'gcw-profile',
      auth: 'byo-app',
      scopes: ['openid', 'offline_access', 'User.Read', 'Files.Read'],
      redirectUri: 'https://cloud.example.com/provisioning_/callback',
      environment: 'office365',
    });
    expect(built.findings).toEqual([]);
    expect(lintExitCode(lint(built.text))).toBe(0);
  });

  it('defaults the client-credentials tenant to common and names what is missing', () => {
    const built = buildProfileFromFlags({ auth: 'client-credentials', clientId: CLIENT_ID }, { now: NOW });
    expect(built.file.tenant).toBe('common');
    const cert = buildProfileFromFlags(
      {
        auth: 'certificate',
        clientId: CLIENT_ID,
        tenant: TENANT_ID,
        environment: 'usgov-l4',
        scopes: 'User.Read, Files.Read offline_access',
      },
      { now: NOW },
    );
    expect(cert.file).toMatchObject({
      environment: 'usgov-l4',
      scopes: ['User.Read', 'Files.Read', 'offline_access'],
      certificate: null,
    });
    expect(cert.findings.map((f) => f.code)).toEqual(['upn.missing', 'certificate.missing']);
  });

  it('takes custom hosts given as https URLs', () => {
    const built = buildProfileFromFlags({
      auth: 'client-credentials',
      clientId: CLIENT_ID,
      tenant: TENANT_ID,
      environment: 'custom',
      loginHost: 'https://login.example.com/',
      graphHost: 'graph.example.com',
    });
    expect(built.file.customHosts).toEqual({ loginHost: 'login.example.com', graphHost: 'graph.example.com' });
    expect(built.findings.filter((f) => f.field.startsWith('customHosts'))).toEqual([]);
  });

  it.each([
    [{ auth: 'password' }, '--auth'],
    [{ auth: 'certificate', environment: 'germany' }, '--environment'],
    [{ auth: 'byo-app', audience: 'everyone' }, '--audience'],
  ])('refuses unknown flag values (profile.invalid): %o', (flags, flag) => {
    expect(() => buildProfileFromFlags(flags)).toThrow(
      expect.objectContaining({ code: 'profile.invalid', message: expect.stringContaining(flag) }),
    );
  });

  it('keeps the certificate facts a profile file may carry', () => {
    expect(
      codes(
        JSON.stringify({
          auth: 'certificate',
          name: 'c',
          clientId: CLIENT_ID,
          tenant: TENANT_ID,
          upn: 'robot@contoso.com',
          certificate: CERTIFICATE,
          scopes: ['User.Read', 'Files.Read', 'offline_access'],
        }),
      ),
    ).toEqual([]);
  });
});
