// The real examples in test/fixtures/manifests (see SOURCES.md there): how each is read and what it gives.
import { describe, expect, it } from 'vitest';
import { environments } from '../../../../src/core/connections/environments';
import { readManifest } from '../../../../src/core/registration/read-manifest';
import { verifyManifest } from '../../../../src/core/registration/verify-manifest';
import { manifestOnlyTarget } from '../../../../src/core/registration/verify-target';
import { errorOf, fixture, goodTarget, NOW, recordingCertificate } from './manifest-builders';

const codes = (r: { findings: Array<{ code: string }> }): string[] => r.findings.map((f) => f.code);

describe('01 — Microsoft Graph object from an Azure CLI recording (az ad app create/show)', () => {
  const text = fixture('01_graph-format_az-cli-recording_app-with-cert.json');
  const base = {
    clientId: 'c603620f-3d35-453e-bcde-9f680b44a0f3',
    tenant: 'organizations',
    loopbackTest: false,
  };

  it('reads as Graph format with its redirect URIs, certificate and permissions', () => {
    const parsed = readManifest(text);
    expect(parsed.format).toBe('graph');
    const app = parsed.apps[0]!.summary;
    expect(app.appId).toBe('c603620f-3d35-453e-bcde-9f680b44a0f3');
    expect(app.signInAudience).toBe('AzureADMultipleOrgs');
    expect(app.isFallbackPublicClient).toBe(true);
    expect(app.redirectUris).toContainEqual({ uri: 'http://localhost/publicclienttest1', platform: 'publicClient' });
    expect(app.redirectUris).toContainEqual({ uri: 'http://localhost/webtest2', platform: 'web' });
    expect(app.keyCredentials[0]).toMatchObject({
      identifierEncoding: 'hex-sha1',
      identifierThumbprintSha1: '7AB4DD9219E5E03ECC025136572DFAA262EC85CB',
      endDateTime: '2023-06-08T05:55:05Z',
    });
    expect(app.requiredResourceAccess.filter((p) => p.value !== null).map((p) => `${p.value}/${p.type}`)).toEqual([
      'Application.Read.All/Scope',
      'Application.ReadWrite.OwnedBy/Role',
    ]);
  });

  it('finds the recording’s own certificate by its hex thumbprint, and the credential that ended in 2023', () => {
    const report = verifyManifest(text, goodTarget('certificate', base));
    expect(codes(report)).not.toContain('certificate.not_registered');
    expect(codes(report)).toContain('certificate.expired');
    expect(codes(report)).toContain('certificate.dates_differ'); // credential 2022–2023, certificate 2020–2047
    expect(codes(report)).toContain('public_client.enabled_for_confidential');
    expect(codes(report)).toContain('permission.minimum_missing');
  });

  it('does not find another certificate', () => {
    const other = {
      ...recordingCertificate(),
      derBase64: '',
      thumbprintSha1: 'BB5D1064437D8720A5C53078185E6A361A78B10A',
      thumbprintSha256: '00',
    };
    const f = verifyManifest(text, goodTarget('certificate', { ...base, certificate: other })).findings.find(
      (x) => x.code === 'certificate.not_registered',
    );
    expect(f?.message).toContain('7AB4DD9219E5E03ECC025136572DFAA262EC85CB');
  });

  it('says the loopback test’s http://localhost is missing: the registered localhost URIs all have paths', () => {
    const f = verifyManifest(text, goodTarget('certificate', { ...base, loopbackTest: true })).findings.find(
      (x) => x.code === 'redirect.loopback_missing',
    );
    expect(f?.message).toContain('http://localhost/webtest1');
  });

  it('hints that a US Government profile is looking at a global-cloud app', () => {
    const report = verifyManifest(text, manifestOnlyTarget(environments['usgov-l4'], { now: NOW }));
    const f = report.findings.find((x) => x.code === 'cloud.other_cloud');
    expect(f?.message).toContain('azuresdkteam.onmicrosoft.com');
    expect(f?.link).toContain('https://entra.microsoft.us/');
  });
});

describe('02 / 02b — Graph docs samples', () => {
  it('reads the full sample, an app for work and personal accounts with token version 2, without findings', () => {
    const report = verifyManifest(
      fixture('02_graph-format_msgraph-docs_application-get.json'),
      manifestOnlyTarget(environments.office365, { now: NOW }),
    );
    expect(report.format).toBe('graph');
    expect(report.apps[0]?.signInAudience).toBe('AzureADandPersonalMicrosoftAccount');
    expect(report.findings).toEqual([]);
  });

  it('reads a $select result that only has id, appId, displayName and requiredResourceAccess, and says what it leaves out', () => {
    const report = verifyManifest(
      fixture('02b_graph-format_msgraph-docs_application-get-select.json'),
      manifestOnlyTarget(environments.office365, { now: NOW }),
    );
    expect(report.apps[0]?.requiredResourceAccess.map((p) => p.value)).toContain('User.Read');
    expect(codes(report)).toEqual(['manifest.partial', 'permission.admin_consent_required']);
    expect(report.findings[0]?.message).toContain(
      'leaves out supported account types (signInAudience), redirect URIs, certificates (keyCredentials) and client secrets (passwordCredentials)',
    );
  });

  it('against a bring-your-own profile, a $select result is not “no secret, no redirect URI”: those checks are skipped and said so', () => {
    const report = verifyManifest(
      fixture('02b_graph-format_msgraph-docs_application-get-select.json'),
      goodTarget('byo-app', { clientId: '46e6adf4-a9cf-4b60-9390-0ba6fb00bf6b' }),
    );
    expect(codes(report)).not.toContain('secret.none_registered');
    expect(codes(report)).not.toContain('redirect.byo_callback_missing');
    expect(codes(report)).not.toContain('audience.missing');
    expect(report.findings.find((f) => f.code === 'manifest.partial')?.severity).toBe('warning');
    expect(codes(report)).toContain('permission.minimum_missing'); // Files.Read is not among its permissions
  });
});

describe('03 — legacy Azure AD Graph portal manifest (SAML token encryption doc)', () => {
  it('the verbatim doc text is refused as invalid JSON at the unquoted <Base64EncodedKeyFile>', () => {
    const e = errorOf(() =>
      verifyManifest(
        fixture('03_aadgraph-format_azure-docs_saml-token-encryption.VERBATIM.txt'),
        manifestOnlyTarget(environments.office365),
      ),
    );
    expect(e.code).toBe('manifest.invalid_json');
    expect(e.message).toContain('line 27, column 20');
    expect(e.details).toEqual({ line: 27, column: 20 });
  });

  it('the cleaned copy reads as Azure AD Graph format, with Encrypt certificates that cannot sign in', () => {
    const text = fixture('03_aadgraph-format_azure-docs_saml-token-encryption.cleaned.json');
    const parsed = readManifest(text);
    expect(parsed.format).toBe('aadgraph');
    expect(parsed.apps[0]?.summary.displayName).toBe('Test SAML Application');
    expect(parsed.apps[0]?.summary.keyCredentials.map((k) => k.usage)).toEqual(['Encrypt', 'Encrypt']);
    // the doc's example identifiers are not real hashes (the first does not even decode to 20 bytes)
    expect(parsed.apps[0]?.summary.keyCredentials.map((k) => k.identifierEncoding)).toEqual([
      'unreadable',
      'unreadable',
    ]);
    const report = verifyManifest(
      text,
      goodTarget('certificate', { clientId: 'cb2df8fb-63c4-4c35-bba5-3d659dd81bf1', loopbackTest: false }),
    );
    expect(codes(report)).toContain('certificate.not_registered');
    expect(codes(report)).toContain('key_credential.identifier_unreadable');
  });
});

describe('04 — Azure AD Graph API 1.6 object (az ad sp create-for-rbac --cert)', () => {
  it('maps availableToOtherTenants, objectId and the hex customKeyIdentifier', () => {
    const app = readManifest(fixture('04_aadgraph-api-1.6_az-cli-recording_create-for-rbac-cert.json')).apps[0]!
      .summary;
    expect(app.objectId).toBe('81806e6d-8e9e-4399-b8be-4961ae224789');
    expect(app.signInAudience).toBe('AzureADMyOrg');
    expect(app.isFallbackPublicClient).toBeNull();
    expect(app.keyCredentials[0]).toMatchObject({
      identifierThumbprintSha1: 'A602F1EE56114DA74F90A7F0579870FE4B99B8C7',
      startDateTime: '2022-02-16T07:00:18.661011Z',
    });
  });
});

describe('05 — Teams Toolkit template', () => {
  it('is refused as invalid JSON, naming the line and the unfilled {{ }} placeholders', () => {
    const e = errorOf(() => readManifest(fixture('05_aadgraph-format_teams-toolkit_aad.manifest.json.tpl')));
    expect(e.code).toBe('manifest.invalid_json');
    expect(e.message).toContain('line 31, column 1');
    expect(e.message).toContain('placeholders');
  });
});

describe('06–08 — credential-only documents', () => {
  it('06: a single keyCredential is named as such', () => {
    const e = errorOf(() =>
      readManifest(fixture('06_graph_selfSignedCertificate_addTokenSigningCertificate_response.json')),
    );
    expect(e.code).toBe('manifest.not_a_manifest');
    expect(e.message).toContain('single certificate credential');
  });

  it('07: an addPassword response is named, without repeating its secret', () => {
    const e = errorOf(() => readManifest(fixture('07_graph_passwordCredential_addPassword_response.json')));
    expect(e.code).toBe('manifest.not_a_manifest');
    expect(e.message).toContain('client secret');
    expect(JSON.stringify(e)).not.toContain('6gyXA5S20');
  });

  it('08: a keyCredentials PATCH body is named as only the keyCredentials part', () => {
    const e = errorOf(() => readManifest(fixture('08_graph_PATCH_example_hex-customKeyIdentifier.json')));
    expect(e.code).toBe('manifest.not_a_manifest');
    expect(e.message).toContain('only a keyCredentials list');
  });
});
