// Pure helpers of the Connections and Scopes pages: what the form sends, and how a scope choice changes.
import { describe, expect, it } from 'vitest';
import { type Profile } from '../../../src/shared/connections';
import { profileInputSchema } from '../../../src/shared/connections-schema';
import { draftFromProfile, emptyDraft, toInput } from '../../../src/renderer/pages/connections/draft';
import { chosen, covering, toggled } from '../../../src/renderer/pages/scopes/selection';
import type { ChecklistLine, ScopeRow } from '../../../src/shared/permissions';

describe('profile form draft', () => {
  it('sends what the contract accepts, leaving empty secret inputs out so stored ones are kept', () => {
    const draft = {
      ...emptyDraft('byo-app'),
      name: 'X',
      scopes: 'openid, offline_access  Files.Read',
      domain: 'cloud.example.com',
    };
    const input = toInput(draft);
    expect(profileInputSchema.safeParse(input).success).toBe(true);
    expect(input).toMatchObject({
      auth: 'byo-app',
      secrets: {},
      customHosts: null,
      secretExpiresAt: null,
      scopes: ['openid', 'offline_access', 'Files.Read'],
    });
    expect(toInput({ ...draft, clientSecret: 's3cret' }).secrets).toEqual({ clientSecret: 's3cret' });
  });

  it('sends custom hosts only for the Custom environment', () => {
    const draft = { ...emptyDraft('certificate'), loginHost: 'login.example.net', graphHost: 'graph.example.net' };
    expect(toInput(draft).customHosts).toBeNull();
    expect(toInput({ ...draft, environment: 'custom' }).customHosts).toEqual({
      loginHost: 'login.example.net',
      graphHost: 'graph.example.net',
    });
  });

  it('sends the certificate secrets it holds and nothing for the ones left empty', () => {
    const draft = { ...emptyDraft('certificate'), pfx: 'MIIK', pfxPassword: '' };
    expect(toInput(draft).secrets).toEqual({ pfx: 'MIIK' });
  });

  it('starts client credentials with tenant common, and reads a stored profile back with empty secret inputs', () => {
    expect(emptyDraft('client-credentials').tenant).toBe('common');
    const profile = {
      id: '1b2c3d4e-0000-4000-8000-000000000000',
      schemaVersion: 1,
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      auth: 'byo-app',
      name: 'P',
      notes: '',
      secretExpiresAt: '2026-12-31T00:00:00.000Z',
      environment: 'custom',
      customHosts: { loginHost: 'l.example.net', graphHost: 'g.example.net' },
      tenant: 't.example.com',
      clientId: 'c',
      scopes: ['openid', 'Files.Read'],
      appOnlyPermissions: ['Sites.Selected'],
      audience: 'multi-tenant',
      domain: 'cloud.example.com',
      redirectUri: 'https://cloud.example.com/provisioning_/callback',
    } satisfies Profile;
    expect(draftFromProfile(profile)).toMatchObject({
      secretExpiresAt: '2026-12-31',
      loginHost: 'l.example.net',
      scopes: 'openid Files.Read',
      appOnlyPermissions: 'Sites.Selected',
      audience: 'multi-tenant',
      clientSecret: '',
    });
  });
});

describe('scope choice', () => {
  const row = (value: string) => ({ value }) as ScopeRow;
  const userRead: ChecklistLine = { reason: '', options: [row('User.Read'), row('User.Read.All')] };

  it('toggles case-insensitively and keeps the order of the rest', () => {
    expect(toggled(['openid', 'Files.Read'], 'files.read', false)).toEqual(['openid']);
    expect(toggled(['openid'], 'Files.Read', true)).toEqual(['openid', 'Files.Read']);
  });

  it('makes the User.Read / User.Read.All choice exclusive', () => {
    expect(chosen(['openid', 'User.Read'], userRead, 'User.Read.All')).toEqual(['openid', 'User.Read.All']);
  });

  it('covers a line with its least-privileged option only when nothing of it is chosen', () => {
    expect(covering(['Files.Read'], [userRead])).toEqual(['Files.Read', 'User.Read']);
    expect(covering(['User.Read.All'], [userRead])).toEqual(['User.Read.All']);
  });
});
