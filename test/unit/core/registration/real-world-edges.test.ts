// The edges 42 real app registrations showed (issue 15), each with a fixture edited from the real examples in
// test/fixtures/manifests (SOURCES.md there says what each one is and what was changed).
import { describe, expect, it } from 'vitest';
import { environments } from '../../../../src/core/connections/environments';
import { readManifest } from '../../../../src/core/registration/read-manifest';
import { verifyManifest } from '../../../../src/core/registration/verify-manifest';
import { manifestOnlyTarget } from '../../../../src/core/registration/verify-target';
import { APP_ID, fixture, goodSpec, goodTarget, manifestJson, NOW } from './manifest-builders';

const codes = (r: { findings: Array<{ code: string }> }): string[] => r.findings.map((f) => f.code);
const alone = manifestOnlyTarget(environments.office365, { now: NOW });

describe('09 — a Teams Toolkit aad.manifest.json template', () => {
  const text = fixture('09_teams-toolkit_aad.manifest.json');

  it('is recognised as a template, says what was and was not checked, and points to the built manifest', () => {
    const report = verifyManifest(text, alone);
    const f = report.findings.find((x) => x.code === 'manifest.template');
    expect(f?.severity).toBe('warning');
    expect(f?.message).toContain('Teams Toolkit');
    expect(f?.message).toContain('${{AAD_APP_CLIENT_ID}}');
    expect(f?.message).toContain('${{TAB_ENDPOINT}}');
    expect(f?.fix).toContain('build/aad.manifest.<environment>.json');
    expect(report.apps[0]?.template).toEqual({
      placeholders: [
        '${{AAD_APP_OBJECT_ID}}',
        '${{AAD_APP_CLIENT_ID}}',
        '${{AAD_APP_ACCESS_AS_USER_PERMISSION_ID}}',
        '${{TAB_ENDPOINT}}',
      ],
      namedPermissions: true,
    });
  });

  it('resolves “Microsoft Graph” and permission names through the catalogue, as the toolkit does', () => {
    const app = readManifest(text).apps[0]!.summary;
    const graph = app.requiredResourceAccess.filter((p) => p.resourceAppId === '00000003-0000-0000-c000-000000000000');
    expect(graph.map((p) => `${p.value}/${p.type}/${p.id}`)).toEqual([
      'User.Read/Scope/e1fe6dd8-ba31-4d61-89e7-88639da4683d',
      'Files.Read/Scope/10465720-29dd-4523-a11a-6a75c743c9d9',
      'Directory.Write.Restricted/Role/f20584af-9290-4153-9280-ff8bb2c0ea7f',
    ]);
    expect(app.requiredResourceAccess.find((p) => p.writtenAs === 'AllSites.Read')?.resourceAppId).toBe(
      '00000003-0000-0ff1-ce00-000000000000',
    );
  });

  it('against a profile: no “User.Read missing”, no wrong client ID, no missing secret or certificate — the placeholder appId is named instead', () => {
    for (const target of [
      goodTarget('byo-app'),
      goodTarget('certificate', { certificate: null }),
      goodTarget('client-credentials'),
    ]) {
      const report = verifyManifest(text, target);
      expect(codes(report)).not.toContain('permission.minimum_missing');
      expect(codes(report)).not.toContain('permission.unknown_name');
      expect(codes(report)).not.toContain('client_id.mismatch');
      expect(codes(report)).not.toContain('secret.none_registered');
      expect(codes(report)).not.toContain('certificate.none_registered');
      expect(report.findings.find((x) => x.code === 'manifest.app_id_placeholder')?.message).toContain(
        'the Teams Toolkit placeholder ${{AAD_APP_CLIENT_ID}}',
      );
      // links cannot name an app whose ID is a placeholder: they open the list of app registrations
      for (const f of report.findings) expect(f.link).not.toContain('AAD_APP');
    }
  });

  it('compares the redirect URIs it writes out, and says the ${{TAB_ENDPOINT}} ones could not be compared', () => {
    const report = verifyManifest(text, goodTarget('byo-app'));
    const f = report.findings.find((x) => x.code === 'redirect.byo_callback_missing');
    expect(f?.severity).toBe('warning');
    expect(f?.message).toContain('${{TAB_ENDPOINT}}/auth-end.html');
    expect(codes(report)).not.toContain('redirect.invalid_uri');
  });

  it('lists the SharePoint permission as not checked rather than ignoring it', () => {
    const f = verifyManifest(text, alone).findings.find((x) => x.code === 'permission.other_api_not_checked');
    expect(f?.severity).toBe('info');
    expect(f?.message).toContain(
      'Office 365 SharePoint Online (00000003-0000-0ff1-ce00-000000000000): AllSites.Read (Scope)',
    );
  });

  it('recognises the older aad.template.json with {{state.…}} placeholders too', () => {
    const older = text
      .toString('utf8')
      .replaceAll('${{AAD_APP_CLIENT_ID}}', '{{state.fx-resource-aad-app-for-teams.clientId}}');
    const report = verifyManifest(older, goodTarget('byo-app'));
    expect(report.findings.find((x) => x.code === 'manifest.template')?.message).toContain(
      '{{state.fx-resource-aad-app-for-teams.clientId}}',
    );
    expect(report.findings.find((x) => x.code === 'manifest.app_id_placeholder')?.message).toContain(
      'the Teams Toolkit placeholder {{state.fx-resource-aad-app-for-teams.clientId}}',
    );
    expect(codes(report)).not.toContain('client_id.mismatch');
  });

  it('names a misspelt permission in a template', () => {
    const typo = text.toString('utf8').replace('"Files.Read"', '"Files.Reed"');
    const f = verifyManifest(typo, goodTarget('certificate', { certificate: null })).findings.find(
      (x) => x.code === 'permission.unknown_name',
    );
    expect(f?.message).toContain('“Files.Reed”');
  });

  it('a name listed with the wrong type is named as a kind mismatch', () => {
    const wrong = text
      .toString('utf8')
      .replace(
        '"id": "User.Read",\n                    "type": "Scope"',
        '"id": "User.Read",\n                    "type": "Role"',
      );
    const f = verifyManifest(wrong, alone).findings.find((x) => x.code === 'permission.id_kind_mismatch');
    expect(f?.message).toContain('User.Read is listed as Role (application) but exists only as a delegated permission');
  });
});

describe('10 / 11 — a requiredResourceAccess fragment', () => {
  it('an object holding only requiredResourceAccess is checked for its permissions, with a note on the rest', () => {
    const report = verifyManifest(fixture('10_fragment_requiredResourceAccess-only.json'), goodTarget('byo-app'));
    expect(report.apps[0]?.requiredResourceAccess.map((p) => p.value)).toContain('User.Read');
    const note = report.findings.find((x) => x.code === 'manifest.partial');
    expect(note?.severity).toBe('warning');
    expect(note?.message).toContain('only its permissions were checked');
    expect(codes(report)).toContain('permission.minimum_missing'); // Files.Read is not in the fragment
    expect(codes(report)).not.toContain('manifest.app_id_missing');
    expect(codes(report)).not.toContain('secret.none_registered');
    expect(codes(report)).not.toContain('redirect.loopback_missing');
    expect(codes(report)).not.toContain('audience.missing');
  });

  it('the list alone, as the Scopes page copies it, reads the same way', () => {
    const report = verifyManifest(fixture('11_fragment_requiredResourceAccess-list.json'), alone);
    expect(report.findings.find((x) => x.code === 'manifest.partial')?.severity).toBe('info');
    expect(codes(report)).toContain('permission.other_api_not_checked');
  });

  it('a list of something else is still refused as not a manifest', () => {
    expect(() => readManifest('[{"resourceAppId": "x"}]')).toThrow(/not an app registration manifest/);
  });
});

describe('12 — a redacted appId and another spelling of signInAudience', () => {
  const text = fixture('12_graph-format_redacted-appid_audience-letter-case.json');

  it('names the redacted appId rather than calling it another app', () => {
    const report = verifyManifest(text, goodTarget('byo-app'));
    expect(codes(report)).not.toContain('client_id.mismatch');
    expect(report.findings.find((x) => x.code === 'manifest.app_id_placeholder')?.message).toContain(
      'redacted (“*****”)',
    );
  });

  it('compares AzureADAndPersonalMicrosoftAccount without letter case', () => {
    const report = verifyManifest(text, goodTarget('byo-app'));
    expect(codes(report)).not.toContain('audience.missing');
    expect(codes(report)).toContain('audience.wider_than_needed');
    expect(codes(report)).not.toContain('audience.token_version'); // the sample has requestedAccessTokenVersion 2
  });

  it('still flags the token version for that spelling when it is not 2', () => {
    const old = text
      .toString('utf8')
      .replace('"requestedAccessTokenVersion": 2', '"requestedAccessTokenVersion": null');
    expect(codes(verifyManifest(old, alone))).toContain('audience.token_version');
  });
});

describe('13 — duplicate keys', () => {
  it('notes keys a JSON object repeats, with their lines, and uses the last one', () => {
    const text = fixture('13_graph-format_duplicate-keys.json');
    const report = verifyManifest(text, alone);
    const f = report.findings.find((x) => x.code === 'manifest.duplicate_key');
    expect(f?.severity).toBe('warning');
    expect(f?.message).toContain('“signInAudience” (lines 6 and 20, different values)');
    expect(f?.message).toContain('“isFallbackPublicClient” (lines 15 and 16, same value)');
    expect(report.apps[0]?.signInAudience).toBe('AzureADMultipleOrgs');
  });

  it('a repeat with the same value only is a note, and nested objects are named by their path', () => {
    const text = JSON.stringify(JSON.parse(manifestJson(goodSpec(), 'graph')), null, 2).replace(
      '"homePageUrl": null,',
      '"homePageUrl": null,\n    "homePageUrl": null,',
    );
    const f = verifyManifest(text, alone).findings.find((x) => x.code === 'manifest.duplicate_key');
    expect(f?.severity).toBe('info');
    expect(f?.message).toContain('“homePageUrl” in web');
  });

  it('a key repeated in different objects is not a duplicate', () => {
    expect(codes(verifyManifest(manifestJson(goodSpec(), 'graph'), alone))).not.toContain('manifest.duplicate_key');
  });
});

describe('14 — a single-page app on localhost', () => {
  it('the wrong_platform fix keeps the SPA’s URI and adds the Web one', () => {
    const report = verifyManifest(
      fixture('14_graph-format_spa-localhost.json'),
      goodTarget('certificate', { clientId: '631a96bc-a705-4eda-9f99-fdaf9f54f6a2' }),
    );
    const f = report.findings.find((x) => x.code === 'redirect.wrong_platform');
    expect(f?.fix).toContain(
      'Keep http://localhost:3000 under Single-page application if another app still uses it, and add http://localhost under Web',
    );
    expect(f?.fix).not.toMatch(/Remove http:\/\/localhost:3000/);
  });

  it('the very same URI cannot sit on two platforms: remove it only if nothing else uses it', () => {
    const spec = goodSpec();
    spec.redirects[1] = { uri: 'http://localhost', platform: 'spa' };
    const f = verifyManifest(manifestJson(spec, 'graph'), goodTarget('byo-app')).findings.find(
      (x) => x.code === 'redirect.wrong_platform',
    );
    expect(f?.fix).toContain('If nothing else uses http://localhost under Single-page application, remove it there');
    expect(f?.fix).toContain('cannot be added under Web while it stays under Single-page application');
  });
});

describe('01 — other APIs in a real recording', () => {
  it('lists the Azure Service Management permission as not checked', () => {
    const report = verifyManifest(fixture('01_graph-format_az-cli-recording_app-with-cert.json'), alone);
    expect(report.findings.find((x) => x.code === 'permission.other_api_not_checked')?.message).toContain(
      'Windows Azure Service Management API (797f4846-ba00-4fd7-ba43-dac1f8f63013)',
    );
  });

  it('keeps the client ID check for a real appId', () => {
    expect(
      codes(
        verifyManifest(
          manifestJson(goodSpec(), 'graph'),
          goodTarget('byo-app', { clientId: APP_ID.replace('1', '2') }),
        ),
      ),
    ).toContain('client_id.mismatch');
  });
});
