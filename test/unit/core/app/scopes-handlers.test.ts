// The Scopes contract through the dispatcher: checklists, search, outputs and copies.
import { describe, expect, it } from 'vitest';
import type { ScopeBuild } from '../../../../src/shared/contract/scopes';
import type { ScopeChecklist, ScopeRow } from '../../../../src/shared/permissions';
import { openContractHost } from './contract-host';

describe('scopes contract', () => {
  const h = openContractHost();

  it('gives each option its checklist, rows with id, admin consent and the application counterpart', async () => {
    const byo = await h.ok<ScopeChecklist>('scopes.checklist', { auth: 'byo-app' });
    expect(byo.minimum.map((l) => l.options.map((o) => o.value))).toEqual([
      ['openid'],
      ['offline_access'],
      ['User.Read', 'User.Read.All'],
      ['Files.Read'],
    ]);
    const filesRead = byo.minimum[3]?.options[0];
    expect(filesRead).toMatchObject({
      id: '10465720-29dd-4523-a11a-6a75c743c9d9',
      adminConsentRequired: false,
      application: null,
      applicationSuggestion: 'Files.Read.All',
    });
    expect(byo.minimum[0]?.options[0]).toMatchObject({ signInScope: true });
    expect(byo.triggers.sites.options[0]?.value).toBe('Sites.Read.All');
    expect(byo.full).toHaveLength(14);
    const cc = await h.ok<ScopeChecklist>('scopes.checklist', { auth: 'client-credentials' });
    expect(cc.minimum.map((l) => l.options[0]?.value)).toEqual(['Files.Read']);
  });

  it('finds any Graph permission by words, of the kind asked for', async () => {
    const rows = await h.ok<ScopeRow[]>('scopes.search', { words: 'sites selected', kind: 'application' });
    expect(rows[0]).toMatchObject({ value: 'Sites.Selected', kind: 'application' });
    expect(rows.every((r) => r.kind === 'application')).toBe(true);
    expect(await h.ok('scopes.search', { words: '   ' })).toEqual([]);
  });

  it('builds the scope string, requiredResourceAccess and hints, and names what is not a permission', async () => {
    const build = await h.ok<ScopeBuild>('scopes.build', {
      auth: 'byo-app',
      delegated: ['files.read', 'User.Read', 'Mail.Nope'],
      application: ['Files.Read.All'],
    });
    expect(build.scopeString).toBe('Files.Read User.Read');
    expect(build.unknown).toEqual([{ value: 'Mail.Nope', kind: 'delegated' }]);
    expect(build.requiredResourceAccess).toEqual([
      {
        resourceAppId: '00000003-0000-0000-c000-000000000000',
        resourceAccess: [
          { id: '10465720-29dd-4523-a11a-6a75c743c9d9', type: 'Scope' },
          { id: 'e1fe6dd8-ba31-4d61-89e7-88639da4683d', type: 'Scope' },
          { id: '01d4889c-1287-42c6-ac1f-5d1e02578ef6', type: 'Role' },
        ],
      },
    ]);
    expect(JSON.parse(build.requiredResourceAccessJson)).toEqual(build.requiredResourceAccess);
    expect(build.hints.map((x) => x.suggestion)).toContain('Sites.Selected');
    expect(build.appOnlyScope).toBe('https://graph.microsoft.com/.default');
    expect(build.missingMinimum).toEqual(['openid', 'offline_access']);
    const dod = await h.ok<ScopeBuild>('scopes.build', {
      auth: 'certificate',
      delegated: [],
      application: ['Sites.Selected'],
      environment: 'usgov-l5',
    });
    expect(dod.appOnlyScope).toBe('https://dod-graph.microsoft.us/.default');
    expect(dod.missingMinimum).toEqual(['User.Read or User.Read.All', 'Files.Read']);
    const custom = await h.ok<ScopeBuild>('scopes.build', {
      auth: 'certificate',
      application: ['Sites.Selected'],
      environment: 'custom',
    });
    expect(custom.appOnlyScope).toBeNull();
  });

  it('copies the scope string and the requiredResourceAccess JSON (not secrets: never auto-cleared)', async () => {
    expect(await h.ok('scopes.copyScopeString', { delegated: ['offline_access', 'files.read'] })).toEqual({
      clearsInSeconds: null,
    });
    expect(h.clipboard.text).toBe('offline_access Files.Read');
    await h.ok('scopes.copyRequiredResourceAccess', { delegated: ['Files.Read'], application: [] });
    expect(JSON.parse(h.clipboard.text)).toEqual([
      {
        resourceAppId: '00000003-0000-0000-c000-000000000000',
        resourceAccess: [{ id: '10465720-29dd-4523-a11a-6a75c743c9d9', type: 'Scope' }],
      },
    ]);
    expect(await h.call('scopes.copyScopeString', { delegated: [] })).toMatchObject({
      ok: false,
      error: { code: 'clipboard.nothing_to_copy' },
    });
    expect(await h.call('scopes.copyRequiredResourceAccess', {})).toMatchObject({
      ok: false,
      error: { code: 'clipboard.nothing_to_copy' },
    });
    expect(await h.call('scopes.copyRequiredResourceAccess', { application: ['Files.Read'] })).toMatchObject({
      ok: false,
      error: { code: 'permissions.unknown' },
    });
  });
});
