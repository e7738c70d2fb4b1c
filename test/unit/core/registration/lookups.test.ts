import { describe, expect, it } from 'vitest';
import { environments, endpointsFor } from '../../../../src/core/connections/environments';
import { appBladeUrl, appRegistrationsUrl } from '../../../../src/core/registration/admin-center';
import { findingSeverity } from '../../../../src/core/registration/findings';
import {
  isSignInScope,
  permissionById,
  permissionByValue,
  permissionsWithId,
} from '../../../../src/core/registration/permission-lookup';
import { isErrorCode } from '../../../../src/shared/errors';
import { registrationErrorCodes } from '../../../../src/shared/errors/registration';
import { registrationFindingCodes } from '../../../../src/shared/registration';

describe('permission lookup', () => {
  it('knows the well-known Microsoft Graph ids (cross-checked in graph-permissions.SOURCES.md)', () => {
    expect(permissionByValue('User.Read', 'delegated')?.id).toBe('e1fe6dd8-ba31-4d61-89e7-88639da4683d');
    expect(permissionByValue('files.read', 'delegated')?.id).toBe('10465720-29dd-4523-a11a-6a75c743c9d9');
    expect(permissionById('01D4889C-1287-42C6-AC1F-5D1E02578EF6', 'application')?.value).toBe('Files.Read.All');
    expect(permissionById('332a536c-c7ef-4017-ab91-336970924f0d', 'application')?.value).toBe('Sites.Read.All');
    expect(permissionByValue('Files.Read', 'application')).toBeUndefined();
    expect(
      permissionsWithId('405a51b5-8d8d-430b-9842-8be4b0e9f324')
        .map((p) => p.kind)
        .sort(),
    ).toEqual(['application', 'delegated']);
  });

  it('marks application permissions and some delegated ones as needing admin consent', () => {
    expect(permissionByValue('Files.Read.All', 'application')?.adminConsentRequired).toBe(true);
    expect(permissionByValue('User.Read.All', 'delegated')?.adminConsentRequired).toBe(true);
    expect(permissionByValue('Files.Read.All', 'delegated')?.adminConsentRequired).toBe(false);
  });

  it('knows the sign-in scopes', () => {
    expect(['openid', 'OFFLINE_ACCESS', 'profile', 'email'].every(isSignInScope)).toBe(true);
    expect(isSignInScope('User.Read')).toBe(false);
  });
});

describe('admin-center links', () => {
  const appId = 'C603620F-3D35-453E-BCDE-9F680B44A0F3';
  it('use each cloud’s admin-center host', () => {
    expect(appBladeUrl(environments.office365, appId, 'Authentication')).toBe(
      'https://entra.microsoft.com/#view/Microsoft_AAD_RegisteredApps/ApplicationMenuBlade/~/Authentication/appId/c603620f-3d35-453e-bcde-9f680b44a0f3',
    );
    expect(appBladeUrl(environments['usgov-l5'], appId, 'CallAnAPI')).toMatch(/^https:\/\/entra\.microsoft\.us\//);
    expect(appBladeUrl(environments.china, appId, 'Credentials')).toMatch(/^https:\/\/portal\.azure\.cn\//);
    expect(
      appBladeUrl(
        endpointsFor('custom', { loginHost: 'login.example', graphHost: 'graph.example' }),
        appId,
        'Overview',
      ),
    ).toMatch(/^https:\/\/entra\.microsoft\.com\//);
  });

  it('fall back to the App registrations list without a GUID client ID', () => {
    expect(appBladeUrl(environments.office365, '${{AAD_APP_CLIENT_ID}}', 'Manifest')).toBe(
      appRegistrationsUrl(environments.office365),
    );
    expect(appBladeUrl(environments.office365, null, 'Manifest')).toBe(
      'https://entra.microsoft.com/#view/Microsoft_AAD_RegisteredApps/ApplicationsListBlade',
    );
  });
});

describe('codes', () => {
  it('registers the verifier’s error codes', () => {
    for (const code of registrationErrorCodes) expect(isErrorCode(code)).toBe(true);
  });

  it('gives every finding code a severity', () => {
    expect(Object.keys(findingSeverity).sort()).toEqual([...registrationFindingCodes].sort());
  });
});
