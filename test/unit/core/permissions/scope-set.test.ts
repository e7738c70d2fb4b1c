import { describe, expect, it } from 'vitest';
import {
  fullScopes,
  leastPrivilegeHints,
  requiredResourceAccess,
  scopeSet,
  scopeString,
} from '../../../../src/core/permissions';

const values = (r: ReturnType<typeof scopeSet>) => r.scopes.map((s) => s.value);

describe('connector scope sets', () => {
  it('minimum per option, exactly as documented, with the least-privileged choice and its alternative', () => {
    expect(values(scopeSet({ auth: 'certificate' }))).toEqual(['User.Read', 'Files.Read']);
    expect(values(scopeSet({ auth: 'client-credentials' }))).toEqual(['Files.Read']);
    const byo = scopeSet({ auth: 'byo-app' });
    expect(values(byo)).toEqual(['openid', 'offline_access', 'User.Read', 'Files.Read']);
    expect(byo.scopeString).toBe('openid offline_access User.Read Files.Read');
    expect(byo.alternatives).toEqual([
      expect.objectContaining({ chosen: 'User.Read', alternatives: ['User.Read.All'] }),
    ]);
    expect(scopeSet({ auth: 'client-credentials' }).alternatives).toEqual([]);
  });

  it('trigger needs: openid, offline_access, User.Read plus one scope per kind of event', () => {
    expect(values(scopeSet({ auth: 'client-credentials', triggers: ['sites'] }))).toEqual([
      'Files.Read',
      'openid',
      'offline_access',
      'User.Read',
      'Sites.Read.All',
    ]);
    expect(values(scopeSet({ auth: 'byo-app', triggers: ['groups', 'files'] }))).toEqual([
      'openid',
      'offline_access',
      'User.Read',
      'Files.Read',
      'Group.Read.All',
      'Files.Read.All',
    ]);
  });

  it('the full set, in the documented order', () => {
    const full = scopeSet({ auth: 'certificate', full: true });
    expect(values(full)).toEqual([...fullScopes]);
    expect(values(full)).toEqual([
      'offline_access',
      'Files.Read',
      'Files.Read.All',
      'Files.ReadWrite',
      'Files.ReadWrite.All',
      'Sites.Read.All',
      'Sites.ReadWrite.All',
      'Group.Read.All',
      'Group.ReadWrite.All',
      'profile',
      'openid',
      'email',
      'User.Read.All',
      'User.Read',
    ]);
    expect(full.scopes.every((s) => s.kind === 'delegated' && /^[0-9a-f-]{36}$/.test(s.id))).toBe(true);
    expect(full.scopes.find((s) => s.value === 'Group.Read.All')?.adminConsentRequired).toBe(true);
  });

  it('app-only: the application permissions, and those that have none', () => {
    const r = scopeSet({ auth: 'certificate', appOnly: true });
    expect(r.scopes).toEqual([
      {
        value: 'User.Read.All',
        kind: 'application',
        id: 'df021288-bdef-4463-88db-98f22de89214',
        adminConsentRequired: true,
      },
    ]);
    expect(r.notAvailable).toEqual([
      expect.objectContaining({
        value: 'Files.Read',
        reason: 'no-application-permission',
        suggestion: 'Files.Read.All',
      }),
    ]);
    expect(r.scopeString).toBe('https://graph.microsoft.com/.default');
    const full = scopeSet({ auth: 'byo-app', full: true, appOnly: true, environment: 'china' });
    expect(
      full.notAvailable
        .filter((n) => n.reason === 'sign-in-scope')
        .map((n) => n.value)
        .sort(),
    ).toEqual(['email', 'offline_access', 'openid', 'profile']);
    expect(full.scopes.every((s) => s.kind === 'application')).toBe(true);
    expect(full.scopeString).toBe('https://microsoftgraph.chinacloudapi.cn/.default');
  });

  it('scope strings use catalog spelling, once each', () => {
    expect(scopeString(['files.read', ' Files.Read ', 'user.read', ''])).toBe('Files.Read User.Read');
  });
});

describe('requiredResourceAccess', () => {
  it('Scope entries for delegated, Role entries for application permissions, under Microsoft Graph', () => {
    expect(
      requiredResourceAccess({ delegated: ['User.Read', 'Files.Read', 'user.read'], application: ['Files.Read.All'] }),
    ).toEqual([
      {
        resourceAppId: '00000003-0000-0000-c000-000000000000',
        resourceAccess: [
          { id: 'e1fe6dd8-ba31-4d61-89e7-88639da4683d', type: 'Scope' },
          { id: '10465720-29dd-4523-a11a-6a75c743c9d9', type: 'Scope' },
          { id: '01d4889c-1287-42c6-ac1f-5d1e02578ef6', type: 'Role' },
        ],
      },
    ]);
    expect(requiredResourceAccess({})).toEqual([]);
  });

  it('refuses names that are not Graph permissions (permissions.unknown)', () => {
    expect(() => requiredResourceAccess({ delegated: ['Files.Read'], application: ['Files.Read'] })).toThrow(
      expect.objectContaining({
        code: 'permissions.unknown',
        message: expect.stringContaining('Files.Read (application)'),
      }),
    );
  });
});

describe('least-privilege hints', () => {
  it('suggests Sites.Selected for app-only site access and Read where ReadWrite or FullControl is chosen', () => {
    const hints = leastPrivilegeHints({
      delegated: ['Sites.FullControl.All', 'Files.ReadWrite.All'],
      application: ['Sites.Read.All'],
    });
    expect(hints.map((h) => `${h.permission}→${h.suggestion}`)).toEqual([
      'Sites.FullControl.All→Sites.ReadWrite.All',
      'Files.ReadWrite.All→Files.Read.All',
      'Sites.Read.All→Sites.Selected',
    ]);
  });

  it('stays quiet for the minimum sets and for Read and ReadWrite chosen together', () => {
    expect(leastPrivilegeHints({ delegated: ['openid', 'offline_access', 'User.Read', 'Files.Read'] })).toEqual([]);
    expect(leastPrivilegeHints({ delegated: ['Files.Read.All', 'Files.ReadWrite.All'] })).toEqual([]);
    expect(leastPrivilegeHints({ application: ['Sites.Selected'] })).toEqual([]);
  });

  it('names User.Read when only User.Read.All is chosen', () => {
    expect(leastPrivilegeHints({ delegated: ['User.Read.All'] })).toEqual([
      expect.objectContaining({ suggestion: 'User.Read' }),
    ]);
  });
});
