// What the connection needs but the registration lacks, or lists with the wrong kind (checks/permission-needs.ts), with
// the permission catalogue the project ships: the words of each finding (message and fix), one and several
// permissions, the "one of" choice and which of its options the fix offers, sign-in scopes with and without
// offline_access, and scopes that are not Graph permission names (.default).
import { describe, expect, it } from 'vitest';
import { verifyManifest } from '../../../../src/core/registration/verify-manifest';
import type { VerifyTarget } from '../../../../src/core/registration/verify-target';
import {
  goodSpec,
  goodTarget,
  manifestJson,
  type AppSpec,
  application,
  delegated,
  permissionFindings,
  type SeenFinding,
} from './manifest-builders';

/** The findings of one code, the fix without the admin-center click path every fix starts with. */
function seen(code: string, permissions: AppSpec['permissions'], target: VerifyTarget): SeenFinding[] {
  return permissionFindings(permissions, target, (c) => c === code);
}

const byo = (extra: Partial<VerifyTarget> = {}): VerifyTarget => goodTarget('byo-app', extra);
const signIn = ['openid', 'offline_access'];
const addDelegated = (names: string): string =>
  `Select Add a permission › Microsoft Graph › Delegated permissions, tick ${names}, then Add permissions. Grant admin consent afterwards if the list shows “Admin consent required: Yes”.`;
const addApplication = (names: string): string =>
  `Select Add a permission › Microsoft Graph › Application permissions, tick ${names}, then Add permissions and Grant admin consent for <your organization>.`;

describe('permission needs: delegated', () => {
  it('one minimum permission missing “is”, two “are”; the fix offers the least-privileged option of a choice', () => {
    expect(seen('permission.minimum_missing', delegated(...signIn, 'User.Read'), byo())).toEqual([
      {
        code: 'permission.minimum_missing',
        severity: 'error',
        message:
          'The connection’s minimum delegated permissions are not all listed under Microsoft Graph: Files.Read is missing. Consent and sign-in fail or give a token without them (AADSTS65001 / AADSTS650056).',
        fix: addDelegated('Files.Read'),
      },
    ]);
    expect(seen('permission.minimum_missing', delegated(...signIn), byo())).toEqual([
      {
        code: 'permission.minimum_missing',
        severity: 'error',
        message:
          'The connection’s minimum delegated permissions are not all listed under Microsoft Graph: (User.Read.All or User.Read) and Files.Read are missing. Consent and sign-in fail or give a token without them (AADSTS65001 / AADSTS650056).',
        fix: addDelegated('User.Read and Files.Read'),
      },
    ]);
  });

  it('names permissions as the catalogue spells them, whatever case the profile used', () => {
    const target = byo({ requiredDelegated: [...signIn, ['user.read.all', 'user.read'], 'files.read'] });
    expect(seen('permission.minimum_missing', delegated(...signIn), target).map((s) => [s.message, s.fix])).toEqual([
      [
        'The connection’s minimum delegated permissions are not all listed under Microsoft Graph: (User.Read.All or User.Read) and Files.Read are missing. Consent and sign-in fail or give a token without them (AADSTS65001 / AADSTS650056).',
        addDelegated('User.Read and Files.Read'),
      ],
    ]);
  });

  it('trigger permissions: one “is not listed as a delegated … permission”, two “are not listed as … permissions”', () => {
    const triggers = byo({
      delegatedScopes: [...signIn, 'User.Read', 'Files.Read', 'Sites.Read.All', 'Group.Read.All'],
      triggerDelegated: [...signIn, ['User.Read.All', 'User.Read'], 'Sites.Read.All', 'Group.Read.All'],
    });
    expect(seen('permission.trigger_missing', delegated(...signIn, 'User.Read', 'Files.Read'), triggers)).toEqual([
      {
        code: 'permission.trigger_missing',
        severity: 'error',
        message:
          'The triggers chosen for the connection need Sites.Read.All and Group.Read.All, which are not listed as delegated Microsoft Graph permissions; those triggers will not fire.',
        fix: addDelegated('Sites.Read.All and Group.Read.All'),
      },
    ]);
    const oneMissing = delegated(...signIn, 'User.Read', 'Files.Read', 'Group.Read.All');
    expect(seen('permission.trigger_missing', oneMissing, triggers).map((s) => s.message)).toEqual([
      'The triggers chosen for the connection need Sites.Read.All, which is not listed as a delegated Microsoft Graph permission; those triggers will not fire.',
    ]);
  });

  it('other scopes the connection asks for: one and two, a warning', () => {
    const listed = delegated(...signIn, 'User.Read', 'Files.Read');
    const asks = (...more: string[]): VerifyTarget =>
      byo({ delegatedScopes: [...signIn, 'User.Read', 'Files.Read', ...more] });
    expect(seen('permission.delegated_missing', listed, asks('mail.read'))).toEqual([
      {
        code: 'permission.delegated_missing',
        severity: 'warning',
        message:
          'The connection asks for Mail.Read, not listed as a delegated Microsoft Graph permission. Users are then asked to consent at sign-in, which fails where user consent is turned off.',
        fix: addDelegated('Mail.Read'),
      },
    ]);
    expect(
      seen('permission.delegated_missing', listed, asks('Mail.Read', 'Calendars.Read')).map((s) => s.message),
    ).toEqual([
      'The connection asks for Mail.Read and Calendars.Read, not listed as delegated Microsoft Graph permissions. Users are then asked to consent at sign-in, which fails where user consent is turned off.',
    ]);
  });

  it('sign-in scopes: the refresh-token warning only when offline_access is among the missing', () => {
    expect(seen('permission.sign_in_scope_missing', delegated('User.Read', 'Files.Read'), byo())).toEqual([
      {
        code: 'permission.sign_in_scope_missing',
        severity: 'warning',
        message:
          'The sign-in scopes openid and offline_access are not listed. Entra usually grants them on request, but listing them keeps admin consent complete — and without offline_access no refresh token is issued.',
        fix: 'Select Add a permission › Microsoft Graph › Delegated permissions › OpenId permissions, tick openid and offline_access, then Add permissions.',
      },
    ]);
    const withProfile = byo({ delegatedScopes: [...signIn, 'User.Read', 'Files.Read', 'profile'] });
    expect(
      seen('permission.sign_in_scope_missing', delegated('offline_access', 'User.Read', 'Files.Read'), withProfile).map(
        (s) => s.message,
      ),
    ).toEqual([
      'The sign-in scopes openid and profile are not listed. Entra usually grants them on request, but listing them keeps admin consent complete.',
    ]);
    const onlyOpenid = byo({ delegatedScopes: [...signIn, 'User.Read', 'Files.Read'] });
    expect(
      seen('permission.sign_in_scope_missing', delegated('offline_access', 'User.Read', 'Files.Read'), onlyOpenid).map(
        (s) => s.message,
      ),
    ).toEqual([
      'The sign-in scope openid is not listed. Entra usually grants it on request, but listing it keeps admin consent complete.',
    ]);
  });

  it('ignores scopes that are no Graph permission name (.default, another API): no sign-in scope “” is reported', () => {
    const target = byo({
      delegatedScopes: [
        ...signIn,
        'User.Read',
        'Files.Read',
        'https://graph.microsoft.com/.default',
        'api://contoso/read',
      ],
    });
    const report = verifyManifest(
      manifestJson({ ...goodSpec(), permissions: delegated(...signIn, 'User.Read', 'Files.Read') }, 'graph'),
      target,
    );
    expect(report.findings.filter((f) => f.code.startsWith('permission.'))).toEqual([]);
  });

  it('listed only as application permissions while a user signs in: one “is an application permission”, two “are … permissions”', () => {
    const target = (scopes: string[]): VerifyTarget =>
      byo({ delegatedScopes: [...signIn, ...scopes], requiredDelegated: [...signIn, ['User.Read.All', 'User.Read']] });
    expect(
      seen(
        'permission.role_instead_of_scope',
        [...delegated(...signIn, 'User.Read'), ...application('Files.Read.All')],
        target(['User.Read', 'Files.Read.All']),
      ),
    ).toEqual([
      {
        code: 'permission.role_instead_of_scope',
        severity: 'error',
        message:
          'Files.Read.All is listed only as an application permission (Role), but the connection signs in a user and needs the delegated permission (Scope) of the same name.',
        fix: `${addDelegated('Files.Read.All')} Keep the application permission only if app-only access is wanted.`,
      },
    ]);
    expect(
      seen(
        'permission.role_instead_of_scope',
        [...delegated(...signIn), ...application('Files.Read.All', 'User.Read.All')],
        target(['User.Read.All', 'Files.Read.All']),
      ).map((s) => s.message),
    ).toEqual([
      'User.Read.All and Files.Read.All are listed only as application permissions (Role), but the connection signs in a user and needs the delegated permissions (Scope) of the same name.',
    ]);
  });
});

describe('permission needs: app-only', () => {
  const appOnly = (permissions: string[]): VerifyTarget =>
    goodTarget('client-credentials', { applicationPermissions: permissions });

  it('application permissions missing: one “is”, two “are”, named as the catalogue spells them', () => {
    expect(seen('permission.application_missing', delegated('Files.Read'), appOnly(['Files.Read.All']))).toEqual([
      {
        code: 'permission.application_missing',
        severity: 'error',
        message:
          'App-only access was asked for, but Files.Read.All is not listed as an application permission (Role); the token will carry no such role and Graph answers 403.',
        fix: addApplication('Files.Read.All'),
      },
    ]);
    expect(
      seen(
        'permission.application_missing',
        delegated('Files.Read'),
        appOnly(['files.read.all', 'Sites.Read.All']),
      ).map((s) => s.message),
    ).toEqual([
      'App-only access was asked for, but Files.Read.All and Sites.Read.All are not listed as application permissions (Role); the token will carry no such role and Graph answers 403.',
    ]);
  });

  it('listed only as delegated permissions: one “is”, two “are”', () => {
    expect(
      seen('permission.scope_instead_of_role', delegated('Files.Read', 'Files.Read.All'), appOnly(['Files.Read.All'])),
    ).toEqual([
      {
        code: 'permission.scope_instead_of_role',
        severity: 'error',
        message:
          'Files.Read.All is listed only as delegated permissions (Scope); app-only access needs the application permissions (Role) of the same name.',
        fix: addApplication('Files.Read.All'),
      },
    ]);
    expect(
      seen(
        'permission.scope_instead_of_role',
        delegated('Files.Read', 'Files.Read.All', 'Sites.Read.All'),
        appOnly(['Files.Read.All', 'Sites.Read.All']),
      ).map((s) => s.message),
    ).toEqual([
      'Files.Read.All and Sites.Read.All are listed only as delegated permissions (Scope); app-only access needs the application permissions (Role) of the same name.',
    ]);
  });

  it('no application form: one “has”, two “have”, the name as the profile wrote it without surrounding spaces', () => {
    expect(seen('permission.no_application_form', delegated('Files.Read'), appOnly([' Files.Read ']))).toEqual([
      {
        code: 'permission.no_application_form',
        severity: 'warning',
        message:
          'App-only access was asked for with Files.Read, which has no application form in Microsoft Graph (sign-in scopes and permissions such as Files.Read or User.Read exist only as delegated permissions).',
        fix: 'Nothing to add here: change the profile’s app-only permissions to their .All forms (for example Files.Read.All, User.Read.All) or Sites.Selected, then add those as Application permissions.',
      },
    ]);
    expect(
      seen('permission.no_application_form', delegated('Files.Read'), appOnly(['Files.Read', 'User.Read'])).map(
        (s) => s.message,
      ),
    ).toEqual([
      'App-only access was asked for with Files.Read and User.Read, which have no application form in Microsoft Graph (sign-in scopes and permissions such as Files.Read or User.Read exist only as delegated permissions).',
    ]);
  });
});
