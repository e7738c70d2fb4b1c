// Who may sign in (signInAudience) against the tenant and tenancy of the connection, as an admin reads it: the exact
// message and fix of each audience finding, and the tenant spellings that count as the shared endpoints.
import { describe, expect, it } from 'vitest';
import { verifyManifest } from '../../../../src/core/registration/verify-manifest';
import type { VerifyTarget } from '../../../../src/core/registration/verify-target';
import type { RegistrationFinding } from '../../../../src/shared/registration';
import { goodSpec, goodTarget, manifestJson, type AppSpec } from './manifest-builders';

const MULTITENANT =
  'choose “Accounts in any organizational directory (Any Microsoft Entra ID tenant – Multitenant)”, then Save';

function audienceFindings(
  change: Partial<AppSpec>,
  extra: Partial<VerifyTarget> = {},
  auth: VerifyTarget['auth'] = 'byo-app',
): RegistrationFinding[] {
  const spec = { ...goodSpec(), ...change };
  return verifyManifest(manifestJson(spec, 'graph'), goodTarget(auth, extra)).findings.filter((f) =>
    f.code.startsWith('audience.'),
  );
}

/** The steps after the admin center's "open the app, then select <blade>." */
const steps = (f: RegistrationFinding | undefined): string | undefined =>
  f?.fix.replace(/^.*, then select [^.]+\. /, '');

describe('audience check', () => {
  it('asks for token version 2 when personal accounts may sign in, saying which version is set', () => {
    const [none] = audienceFindings({ audience: 'PersonalMicrosoftAccount', tokenVersion: null }).filter(
      (f) => f.code === 'audience.token_version',
    );
    expect(none?.message).toBe(
      'The app lets personal Microsoft accounts sign in, which needs access token version 2, but the manifest sets none. Entra refuses to save such a registration and tokens may be issued in the wrong version.',
    );
    expect(steps(none)).toBe(
      'Set "requestedAccessTokenVersion": 2 under "api" (in the older format: "accessTokenAcceptedVersion": 2), then Save.',
    );
    const [one] = audienceFindings({ audience: 'AzureADandPersonalMicrosoftAccount', tokenVersion: 1 }).filter(
      (f) => f.code === 'audience.token_version',
    );
    expect(one?.message).toContain('but the manifest sets version 1.');
    const codes = audienceFindings({ audience: 'AzureADandPersonalMicrosoftAccount', tokenVersion: 2 }).map(
      (f) => f.code,
    );
    expect(codes).not.toContain('audience.token_version');
  });

  it('refuses app-only access through common, organizations or consumers, but not through a tenant ID', () => {
    const appOnly = (tenant: string, applicationPermissions: string[] = ['Sites.Selected']) =>
      audienceFindings({}, { tenant, applicationPermissions }, 'client-credentials').filter(
        (f) => f.code === 'audience.app_only_needs_tenant',
      );
    const [f] = appOnly('consumers');
    expect(f?.severity).toBe('error');
    expect(f?.message).toBe(
      'App-only access (the client-credentials grant) is asked for, but the tenant is “consumers”. Microsoft’s token endpoint refuses app-only requests there (AADSTS9001023 / AADSTS90010): it needs the tenant ID or a verified domain.',
    );
    expect(steps(f)).toBe('Copy Directory (tenant) ID from Overview into the connection’s tenant field.');
    expect(appOnly(' Organizations ')).toHaveLength(1);
    expect(appOnly('common', [])).toEqual([]);
    expect(appOnly('aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee')).toEqual([]);
    expect(appOnly('')).toEqual([]);
  });

  it('names an audience Entra does not use, and tells how to get the full manifest', () => {
    const [f] = audienceFindings({ audience: 'EveryoneEverywhere' });
    expect([f?.code, f?.severity]).toEqual(['audience.missing', 'warning']);
    expect(f?.message).toBe(
      'The manifest’s signInAudience is “EveryoneEverywhere”, which is not a value Entra uses, so who may sign in cannot be checked.',
    );
    expect(steps(f)).toBe('Check Supported account types and download the full manifest again (Manifest › Download).');
  });

  it('reads any letter case of an audience and of the shared tenants', () => {
    const [f, ...rest] = audienceFindings({ audience: 'azureadmyorg' }, { tenant: ' Organizations ' });
    expect(rest).toEqual([]);
    expect(f?.code).toBe('audience.single_tenant_shared_endpoint');
    expect(f?.message).toBe(
      'The app is single tenant (accounts in this organizational directory only (single tenant)), but the connection signs in through “organizations”. Entra refuses that (AADSTS50194).',
    );
    expect(steps(f)).toBe(
      `Either set the connection’s tenant to the Directory (tenant) ID shown on Overview, or, if users from other tenants must sign in, under Supported account types ${MULTITENANT}.`,
    );
  });

  it('words the consumers tenant and an app for personal accounts only', () => {
    const fs = audienceFindings({ audience: 'PersonalMicrosoftAccount', tokenVersion: 2 }, { tenant: 'consumers' });
    expect(fs.map((f) => f.code)).toEqual(['audience.consumers_tenant', 'audience.personal_accounts_only']);
    expect(steps(fs[0])).toBe(
      'Nothing to change here: set the connection’s tenant to your tenant ID (Overview › Directory (tenant) ID) or to “organizations”.',
    );
    expect(steps(fs[1])).toBe(
      `Under Supported account types ${MULTITENANT}. If the portal refuses the change, register a new app for work or school accounts.`,
    );
  });

  it('asks for a multitenant registration for a multi-tenant profile', () => {
    const [f] = audienceFindings({}, { tenancy: 'multi' });
    expect(f?.code).toBe('audience.multi_tenant_needed');
    expect(steps(f)).toBe(`Under Supported account types ${MULTITENANT}.`);
  });

  it('says when the app admits more accounts than the connection needs, and how to narrow it', () => {
    const [multi] = audienceFindings({ audience: 'AzureADMultipleOrgs' }, { tenancy: 'single' });
    expect([multi?.code, multi?.severity]).toEqual(['audience.wider_than_needed', 'info']);
    expect(multi?.message).toBe(
      'The app is multitenant, but the profile is a single-tenant bring-your-own app: accounts from any tenant can sign in to it.',
    );
    expect(steps(multi)).toBe(
      'Under Supported account types choose “Accounts in this organizational directory only (Single tenant)”, then Save.',
    );
    expect(audienceFindings({ audience: 'AzureADMultipleOrgs' }, { tenancy: 'multi' })).toEqual([]);
    const [personal] = audienceFindings({ audience: 'AzureADandPersonalMicrosoftAccount', tokenVersion: 2 });
    expect(personal?.message).toBe(
      'The app also admits personal Microsoft accounts; the connection only needs work or school accounts.',
    );
    expect(steps(personal)).toBe(
      `Under Supported account types ${MULTITENANT} (or “this organizational directory only” if one tenant is enough).`,
    );
  });
});
