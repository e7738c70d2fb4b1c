import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogInfo } from '../../../../src/core/permissions/catalog-info';
import {
  allPermissions,
  applicationCounterpart,
  checklistValues,
  describeScope,
  findPermission,
  findPermissionsById,
  GRAPH_RESOURCE_APP_ID,
  scopeChecklist,
  searchPermissions,
  signInScopes,
} from '../../../../src/core/permissions';

// Ids confirmed in every source the catalog was checked against (graph-permissions.SOURCES.md).
const wellKnown = [
  ['User.Read', 'delegated', 'e1fe6dd8-ba31-4d61-89e7-88639da4683d'],
  ['Files.Read', 'delegated', '10465720-29dd-4523-a11a-6a75c743c9d9'],
  ['Files.Read.All', 'application', '01d4889c-1287-42c6-ac1f-5d1e02578ef6'],
  ['Sites.Read.All', 'application', '332a536c-c7ef-4017-ab91-336970924f0d'],
] as const;

describe('Graph permission catalog', () => {
  it('is the shared data plus what the refresh added, with its source note and a meta file that counts it right', () => {
    const here = join(import.meta.dirname, '../../../../src/core/permissions');
    const data = readFileSync(join(here, 'graph-permissions.json'), 'utf8');
    expect(JSON.parse(data)).toHaveLength(catalogInfo.entries);
    expect(allPermissions().filter((p) => p.kind === 'delegated')).toHaveLength(catalogInfo.delegated);
    expect(allPermissions().filter((p) => p.kind === 'application')).toHaveLength(catalogInfo.application);
    // the 1,132 entries of the primary source, and every one added later is named in the meta file
    expect(catalogInfo.sources[0]?.entries).toBe(1132);
    expect(catalogInfo.sources.flatMap((s) => s.added ?? [])).toHaveLength(catalogInfo.entries - 1132);
    expect(catalogInfo.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(readFileSync(join(here, 'graph-permissions.SOURCES.md'), 'utf8')).toContain('microsoft-graph-devx-content');
  });

  it('knows Directory.Write.Restricted, which Graph Explorer’s list leaves out (hidden) but tenants grant', () => {
    expect(findPermission('Directory.Write.Restricted', 'application')?.id).toBe(
      'f20584af-9290-4153-9280-ff8bb2c0ea7f',
    );
    expect(findPermission('directory.write.restricted', 'delegated')?.id).toBe('cba5390f-ed6a-4b7f-b657-0efc2210ed20');
  });

  it('knows the Microsoft Graph resource app id', () => {
    expect(GRAPH_RESOURCE_APP_ID).toBe('00000003-0000-0000-c000-000000000000');
  });

  it.each(wellKnown)('finds %s (%s) by value and by id', (value, kind, id) => {
    expect(findPermission(value.toLowerCase(), kind)?.id).toBe(id);
    expect(findPermissionsById(id.toUpperCase()).map((p) => `${p.value}/${p.kind}`)).toContain(`${value}/${kind}`);
  });

  it('guards every id the checklists use: each value exists as a delegated permission', () => {
    const missing = checklistValues().filter((v) => !findPermission(v, 'delegated'));
    expect(missing).toEqual([]);
    for (const auth of ['certificate', 'client-credentials', 'byo-app'] as const) {
      const list = scopeChecklist(auth);
      const rows = [
        ...list.minimum,
        ...list.triggers.base,
        list.triggers.sites,
        list.triggers.groups,
        list.triggers.files,
        ...list.full,
      ].flatMap((l) => l.options);
      for (const row of rows) {
        expect(findPermissionsById(row.id).some((p) => p.value === row.value && p.kind === 'delegated')).toBe(true);
        if (row.application) expect(findPermissionsById(row.application.id)[0]?.kind).toBe('application');
      }
    }
  });

  it('searches by words, best value match first', () => {
    expect(searchPermissions('files read all')[0]?.value).toBe('Files.Read.All');
    const sites = searchPermissions('selected sites', { kind: 'application' });
    expect(sites.map((p) => p.value)).toContain('Sites.Selected');
    expect(sites.every((p) => p.kind === 'application')).toBe(true);
    expect(searchPermissions('   ')).toEqual([]);
    expect(searchPermissions('zzzz-no-such-permission')).toEqual([]);
  });
});

describe('application counterparts', () => {
  it('Files.Read and User.Read have none, and name the nearest', () => {
    for (const [value, suggestion] of [
      ['Files.Read', 'Files.Read.All'],
      ['User.Read', 'User.Read.All'],
    ] as const) {
      const c = applicationCounterpart(value);
      expect(c.kind).toBe('none');
      expect(c.kind === 'none' && c.suggestion?.value).toBe(suggestion);
    }
  });

  it('Files.Read.All and User.Read.All have one of the same name', () => {
    expect(applicationCounterpart('Files.Read.All')).toMatchObject({
      kind: 'same-name',
      permission: { id: '01d4889c-1287-42c6-ac1f-5d1e02578ef6' },
    });
    expect(applicationCounterpart('User.Read.All')).toMatchObject({
      kind: 'same-name',
      permission: { kind: 'application' },
    });
  });

  it.each(signInScopes)('%s is a sign-in scope', (scope) => {
    expect(applicationCounterpart(scope).kind).toBe('sign-in-scope');
    expect(describeScope(scope)).toMatchObject({ signInScope: true, application: null, adminConsentRequired: false });
  });

  it('says when a name is not a Graph permission', () => {
    expect(applicationCounterpart('Files.Everything').kind).toBe('unknown');
    expect(describeScope('Files.Everything')).toBeUndefined();
  });

  it('checklist rows carry id, admin consent, description and the application form', () => {
    const row = describeScope('Group.Read.All');
    expect(row).toMatchObject({
      id: '5f8c59db-677d-491f-a6b8-5f174b11ec1d',
      adminConsentRequired: true,
      application: { id: '5b567255-7703-4780-807c-7be8301ae99b' },
    });
    expect(row?.description.length).toBeGreaterThan(20);
    expect(describeScope('Files.Read')).toMatchObject({ application: null, applicationSuggestion: 'Files.Read.All' });
  });
});
