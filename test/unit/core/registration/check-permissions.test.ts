// requiredResourceAccess against the permission catalogue the project ships (checks/permissions.ts): entries of an
// unknown type, ids and names listed with the wrong kind, the retired Azure AD Graph, permissions of other APIs (three
// shown, the rest counted), admin consent, and listed permissions the connection does not need — more privilege in
// the same family (Files and Sites together), equal or less, and high privilege without a family.
import { describe, expect, it } from 'vitest';
import { permissionByValue } from '../../../../src/core/registration/permission-lookup';
import type { VerifyTarget } from '../../../../src/core/registration/verify-target';
import {
  goodTarget,
  GRAPH,
  type AppSpec,
  application,
  delegated,
  permissionFindings,
  type SeenFinding,
} from './manifest-builders';

const idOf = (name: string, kind: 'delegated' | 'application'): string => permissionByValue(name, kind)!.id;

const SHAREPOINT = '00000003-0000-0ff1-ce00-000000000000';
const AAD_GRAPH = '00000002-0000-0000-c000-000000000000';

/** The permission findings, the fix without the admin-center click path every fix starts with. */
function seen(permissions: AppSpec['permissions'], target: VerifyTarget, code?: string): SeenFinding[] {
  return permissionFindings(permissions, target, (c) => (code ? c === code : c.startsWith('permission.')));
}

/** A client-credentials connection that needs delegated Files.Read and, app-only, the given permissions. */
const appOnly = (permissions: string[] = []): VerifyTarget =>
  goodTarget('client-credentials', { applicationPermissions: permissions });
/** A connection that needs exactly these delegated permissions. */
const needs = (...scopes: string[]): VerifyTarget =>
  goodTarget('client-credentials', { delegatedScopes: scopes, requiredDelegated: scopes });

describe('listed Microsoft Graph entries the catalogue cannot take as listed', () => {
  it('an entry whose type is neither Scope nor Role', () => {
    const entry = { resourceAppId: GRAPH, id: idOf('Files.Read.All', 'application'), type: 'Application' };
    expect(seen([...delegated('Files.Read'), entry], appOnly())).toEqual([
      {
        code: 'permission.unknown_id',
        severity: 'warning',
        message:
          'requiredResourceAccess lists Microsoft Graph permission ids this tool does not know: 01d4889c-1287-42c6-ac1f-5d1e02578ef6 (type “Application”, expected Scope or Role). It may be a newer permission, or a typo in a hand-edited manifest.',
        fix: 'Compare with the list shown there; remove entries without a name (… › Remove permission) and add the intended ones with Add a permission › Microsoft Graph.',
      },
    ]);
  });

  it('a template names an entry with an unknown type by its name', () => {
    const entry = { resourceAppId: 'Microsoft Graph', id: 'Files.Read.All', type: 'Application' };
    expect(seen([...delegated('Files.Read'), entry], appOnly()).map((s) => s.message)).toEqual([
      'requiredResourceAccess lists Microsoft Graph permission ids this tool does not know: Files.Read.All (type “Application”, expected Scope or Role). It may be a newer permission, or a typo in a hand-edited manifest.',
    ]);
  });

  it('ids of the other kind, either way round, each named with its permission', () => {
    const entries = [
      { resourceAppId: GRAPH, id: idOf('Files.Read', 'delegated'), type: 'Role' },
      { resourceAppId: GRAPH, id: idOf('Application.ReadWrite.OwnedBy', 'application'), type: 'Scope' },
    ];
    expect(seen([...delegated('Files.Read'), ...entries], appOnly())).toEqual([
      {
        code: 'permission.id_kind_mismatch',
        severity: 'error',
        message:
          'Some Microsoft Graph entries have the wrong type for their id: 10465720-29dd-4523-a11a-6a75c743c9d9 is listed as Role (application) but is the id of the delegated permission Files.Read; 18a4783c-866b-4cc7-a460-3d5e5662c884 is listed as Scope (delegated) but is the id of the application permission Application.ReadWrite.OwnedBy. Entra cannot grant them as listed.',
        fix: 'Remove these entries, then add each again with Add a permission › Microsoft Graph › Delegated permissions or Application permissions, so the portal writes the right id and type.',
      },
    ]);
  });

  it('names of the other kind in a template, either way round (“an application permission”), and an unknown name', () => {
    const entries = [
      { resourceAppId: 'Microsoft Graph', id: 'Application.ReadWrite.OwnedBy', type: 'Scope' },
      { resourceAppId: 'Microsoft Graph', id: 'Files.Read', type: 'Role' },
      { resourceAppId: 'Microsoft Graph', id: 'Files.Reed', type: 'Scope' },
    ];
    expect(seen([...delegated('Files.Read'), ...entries], appOnly())).toEqual([
      {
        code: 'permission.id_kind_mismatch',
        severity: 'error',
        message:
          'Some Microsoft Graph entries have the wrong type for their id: Application.ReadWrite.OwnedBy is listed as Scope (delegated) but exists only as an application permission; Files.Read is listed as Role (application) but exists only as a delegated permission. Entra cannot grant them as listed.',
        fix: 'Remove these entries, then add each again with Add a permission › Microsoft Graph › Delegated permissions or Application permissions, so the portal writes the right id and type.',
      },
      {
        code: 'permission.unknown_name',
        severity: 'warning',
        message:
          'requiredResourceAccess names Microsoft Graph permissions this tool does not know: “Files.Reed”. Names must match a permission exactly (for example Files.Read.All); Teams Toolkit stops with an error at an unknown name when it builds the manifest.',
        fix: 'Correct the name in the template (the list under Add a permission › Microsoft Graph shows each exact name), or give the permission’s id instead.',
      },
    ]);
  });
});

describe('permissions of other APIs', () => {
  it('the retired Azure AD Graph is reported on its own, not again among other APIs', () => {
    const entry = { resourceAppId: AAD_GRAPH, id: '311a71cc-e848-46a1-bdf8-97ff7156d8e6', type: 'Scope' };
    expect(seen([...delegated('Files.Read'), entry], appOnly())).toEqual([
      {
        code: 'permission.aad_graph_legacy',
        severity: 'warning',
        message:
          'The app asks for permissions of Azure Active Directory Graph (00000002-0000-0000-c000-000000000000), an API Microsoft has retired; requests to it fail.',
        fix: 'Remove the Azure Active Directory Graph entries (… › Remove permission) and add the Microsoft Graph permissions you need instead (Add a permission › Microsoft Graph).',
      },
    ]);
  });

  const entries = (count: number, resourceAppId = SHAREPOINT): AppSpec['permissions'] =>
    Array.from({ length: count }, (_, i) => ({
      resourceAppId,
      id: `0000000${i}-0000-0000-0000-000000000000`,
      type: i === 1 ? '' : 'Scope',
    }));

  it('three permissions of an API are all shown, an entry without a type says so', () => {
    expect(seen([...delegated('Files.Read'), ...entries(3)], appOnly())).toEqual([
      {
        code: 'permission.other_api_not_checked',
        severity: 'info',
        message:
          'These permissions are for other APIs and were not checked — this tool knows Microsoft Graph’s permissions only, and the connection calls Microsoft Graph: Office 365 SharePoint Online (00000003-0000-0ff1-ce00-000000000000): 00000000-0000-0000-0000-000000000000 (Scope), 00000001-0000-0000-0000-000000000000 (no type), 00000002-0000-0000-0000-000000000000 (Scope).',
        fix: 'Nothing to change for the connection. If nothing else uses them, select each › … › Remove permission.',
      },
    ]);
  });

  it('a fourth is counted, APIs are separated, an unknown API goes by its id and a missing id is said', () => {
    const permissions = [
      ...delegated('Files.Read'),
      ...entries(5),
      ...entries(1, 'f0000000-1111-2222-3333-444444444444'),
      ...entries(1, ''),
    ];
    expect(seen(permissions, appOnly()).map((s) => s.message)).toEqual([
      'These permissions are for other APIs and were not checked — this tool knows Microsoft Graph’s permissions only, and the connection calls Microsoft Graph: Office 365 SharePoint Online (00000003-0000-0ff1-ce00-000000000000): 00000000-0000-0000-0000-000000000000 (Scope), 00000001-0000-0000-0000-000000000000 (no type), 00000002-0000-0000-0000-000000000000 (Scope) and 2 more; f0000000-1111-2222-3333-444444444444: 00000000-0000-0000-0000-000000000000 (Scope); an API without resourceAppId: 00000000-0000-0000-0000-000000000000 (Scope).',
    ]);
  });

  it('a template’s SharePoint permission is shown by the name it was written with', () => {
    const entry = { resourceAppId: 'Office 365 SharePoint Online', id: 'AllSites.Read', type: 'Scope' };
    expect(seen([...delegated('Files.Read'), entry], appOnly()).map((s) => s.message)).toEqual([
      'These permissions are for other APIs and were not checked — this tool knows Microsoft Graph’s permissions only, and the connection calls Microsoft Graph: Office 365 SharePoint Online (00000003-0000-0ff1-ce00-000000000000): AllSites.Read (Scope).',
    ]);
  });
});

describe('admin consent and permissions the connection does not need', () => {
  it('admin consent is named with the kind of each permission', () => {
    const listed = [...delegated('Files.Read', 'User.Read.All'), ...application('Sites.Selected')];
    expect(seen(listed, appOnly(['Sites.Selected']), 'permission.admin_consent_required')).toEqual([
      {
        code: 'permission.admin_consent_required',
        severity: 'info',
        message:
          'These permissions need an administrator’s consent before the connection can use them: User.Read.All (delegated) and Sites.Selected (application). Listing them in the registration does not grant them.',
        fix: 'Select Grant admin consent for <your organization>, then Yes. Application permissions of Microsoft Graph need a Privileged Role Administrator; delegated ones can also be granted by a Cloud Application Administrator or Application Administrator. The Status column then shows “Granted”.',
      },
    ]);
  });

  it('more privilege than the same family needs (Files and Sites together): a warning naming what to keep', () => {
    const listed = delegated('Files.Read', 'Files.ReadWrite.All', 'Sites.Read.All');
    expect(seen(listed, needs('Files.Read'), 'permission.more_privilege')).toEqual([
      {
        code: 'permission.more_privilege',
        severity: 'warning',
        message:
          'Files.ReadWrite.All (delegated) is listed, but the connection needs no more than Files.Read; Files.ReadWrite.All allows more than that.',
        fix: 'Select Files.ReadWrite.All › … › Remove permission, then Yes, remove; keep Files.Read. If admin consent was granted for it, also revoke it in Enterprise applications › the app › Permissions.',
      },
      {
        code: 'permission.more_privilege',
        severity: 'warning',
        message:
          'Sites.Read.All (delegated) is listed, but the connection needs no more than Files.Read; Sites.Read.All allows more than that.',
        fix: 'Select Sites.Read.All › … › Remove permission, then Yes, remove; keep Files.Read. If admin consent was granted for it, also revoke it in Enterprise applications › the app › Permissions.',
      },
    ]);
  });

  it('as much privilege as needed, or less, in the same family is merely not needed (a note)', () => {
    const notNeeded = [
      {
        code: 'permission.not_needed',
        severity: 'info',
        message:
          'The connection does not use these listed permissions: Sites.Read.All (delegated). They may serve another purpose; otherwise they only widen what the app may do.',
        fix: 'If nothing else uses them, select each › … › Remove permission.',
      },
    ];
    expect(seen(delegated('Files.Read.All', 'Sites.Read.All'), needs('Files.Read.All'))).toEqual(notNeeded);
    expect(seen(delegated('Files.ReadWrite.All', 'Sites.Read.All'), needs('Files.ReadWrite.All'))).toEqual(notNeeded);
    // (high privilege, but no more than the family needs)
    expect(seen(delegated('Files.ReadWrite.All', 'Sites.ReadWrite.All'), needs('Files.ReadWrite.All'))).toEqual([
      {
        ...notNeeded[0],
        message:
          'The connection does not use these listed permissions: Sites.ReadWrite.All (delegated). They may serve another purpose; otherwise they only widen what the app may do.',
      },
    ]);
  });

  it('an application permission the app-only access needs is neither excess nor unneeded', () => {
    expect(seen([...delegated('Files.Read'), ...application('Files.Read.All')], appOnly(['Files.Read.All']))).toEqual([
      {
        code: 'permission.admin_consent_required',
        severity: 'info',
        message:
          'These permissions need an administrator’s consent before the connection can use them: Files.Read.All (application). Listing them in the registration does not grant them.',
        fix: 'Select Grant admin consent for <your organization>, then Yes. Application permissions of Microsoft Graph need a Privileged Role Administrator; delegated ones can also be granted by a Cloud Application Administrator or Application Administrator. The Status column then shows “Granted”.',
      },
    ]);
  });

  it('without a family: high privilege is a warning without “keep”, anything else a note', () => {
    const listed = delegated('Files.Read', 'Mail.Read', 'Directory.Read.All');
    expect(seen(listed, appOnly()).filter((s) => s.code !== 'permission.admin_consent_required')).toEqual([
      {
        code: 'permission.more_privilege',
        severity: 'warning',
        message: 'Directory.Read.All (delegated) is listed and allows far more than the connection needs.',
        fix: 'Select Directory.Read.All › … › Remove permission, then Yes, remove. If admin consent was granted for it, also revoke it in Enterprise applications › the app › Permissions.',
      },
      {
        code: 'permission.not_needed',
        severity: 'info',
        message:
          'The connection does not use these listed permissions: Mail.Read (delegated). They may serve another purpose; otherwise they only widen what the app may do.',
        fix: 'If nothing else uses them, select each › … › Remove permission.',
      },
    ]);
  });

  it('a .default among the scopes or the app-only permissions is no permission name and needs nothing', () => {
    const dotDefault = 'https://graph.microsoft.com/.default';
    const delegatedTarget = goodTarget('byo-app', {
      delegatedScopes: ['openid', 'offline_access', 'User.Read', 'Files.Read', dotDefault],
    });
    expect(
      seen(delegated('openid', 'offline_access', 'User.Read', 'Files.Read', 'Mail.Read'), delegatedTarget).map(
        (s) => s.message,
      ),
    ).toEqual([
      'The connection does not use these listed permissions: Mail.Read (delegated). They may serve another purpose; otherwise they only widen what the app may do.',
    ]);
    expect(
      seen(
        [...delegated('Files.Read'), ...application('Mail.Read')],
        appOnly([dotDefault]),
        'permission.not_needed',
      ).map((s) => s.message),
    ).toEqual([
      'The connection does not use these listed permissions: Mail.Read (application). They may serve another purpose; otherwise they only widen what the app may do.',
    ]);
  });
});
