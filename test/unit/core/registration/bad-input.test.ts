// Input that is not a good manifest: a clear error with a code, or findings — never a crash.
import { describe, expect, it } from 'vitest';
import { environments } from '../../../../src/core/connections/environments';
import { isWorkbenchError } from '../../../../src/core/errors';
import { MAX_MANIFEST_BYTES } from '../../../../src/core/registration/manifest-input';
import { readManifest } from '../../../../src/core/registration/read-manifest';
import { verifyManifest } from '../../../../src/core/registration/verify-manifest';
import { manifestOnlyTarget } from '../../../../src/core/registration/verify-target';
import {
  errorOf,
  fixture,
  goodCertificateSpec,
  goodSpec,
  goodTarget,
  manifestJson,
  toGraph,
} from './manifest-builders';

const target = manifestOnlyTarget(environments.office365);

describe('size and emptiness', () => {
  it('refuses text above 5 MB before parsing it', () => {
    const e = errorOf(() => readManifest(`{"appId":"x","pad":"${'a'.repeat(MAX_MANIFEST_BYTES)}"}`));
    expect(e.code).toBe('manifest.too_large');
    expect(e.message).toContain('5 MB');
  });

  it('refuses bytes above 5 MB', () => {
    expect(errorOf(() => readManifest(new Uint8Array(MAX_MANIFEST_BYTES + 1))).code).toBe('manifest.too_large');
  });

  it('accepts a manifest just under the limit', () => {
    const big = JSON.stringify({ ...toGraph(goodSpec()), notes: 'n'.repeat(MAX_MANIFEST_BYTES - 5000) });
    expect(readManifest(big).apps).toHaveLength(1);
  });

  it('counts UTF-8 bytes, not characters', () => {
    const text = `{"appId":"x","notes":"${'é'.repeat(Math.ceil(MAX_MANIFEST_BYTES / 2) + 10)}"}`;
    expect(text.length).toBeLessThan(MAX_MANIFEST_BYTES);
    expect(errorOf(() => readManifest(text)).code).toBe('manifest.too_large');
  });

  it.each(['', '   \n\t ', '\uFEFF'])('refuses an empty file %j', (text) => {
    expect(errorOf(() => readManifest(text)).code).toBe('manifest.empty');
  });
});

describe('encodings', () => {
  const text = manifestJson(goodSpec(), 'graph');

  it('reads UTF-8 with a byte-order mark', () => {
    expect(readManifest(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])).apps).toHaveLength(1);
  });

  it('reads UTF-16 LE with a byte-order mark, as Windows PowerShell’s `az ad app show > app.json` writes it', () => {
    expect(
      readManifest(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])).apps[0]?.summary
        .displayName,
    ).toBe('Contoso automation');
  });

  it('reads UTF-16 BE with a byte-order mark and UTF-16 LE without one', () => {
    const le = Buffer.from(text, 'utf16le');
    const be = Buffer.from(le);
    be.swap16();
    expect(readManifest(Buffer.concat([Buffer.from([0xfe, 0xff]), be])).apps).toHaveLength(1);
    expect(readManifest(le).apps).toHaveLength(1);
  });
});

describe('invalid JSON says where', () => {
  const cases: Array<[string, string, number, number, RegExp]> = [
    ['missing comma', '{\n  "appId": "x"\n  "displayName": "y"\n}', 3, 3, /comma is probably missing/],
    ['trailing comma', '{\n  "appId": "x",\n}', 3, 1, /trailing comma/],
    ['single quotes', "{'appId': 'x'}", 1, 2, /property name in double quotes/],
    ['unquoted value', '{"appId": <Base64>}', 1, 11, /where a value belongs/],
    ['comment', '{\n  // the app\n  "appId": "x"\n}', 2, 3, /comments are not allowed/],
    ['cut short', '{"appId": "x", "web": {"redirectUris": [', 1, 41, /ends before the JSON is complete/],
    ['line break in text', '{"appId": "x\ny"}', 1, 13, /line break/],
    ['two objects', '{"appId":"x"}\n{"appId":"y"}', 2, 1, /more text after the end/],
    ['bad escape', '{"appId": "c:\\data"}', 1, 14, /backslash/],
    ['word', '{"isFallbackPublicClient": yes}', 1, 28, /unquoted text "yes"/],
  ];
  it.each(cases)('%s', (_name, text, line, column, problem) => {
    const e = errorOf(() => readManifest(text));
    expect(e.code).toBe('manifest.invalid_json');
    expect(e.message).toContain(`line ${line}, column ${column}`);
    expect(e.message).toMatch(problem);
    expect(e.details).toEqual({ line, column });
  });

  it('never repeats the file’s text (it may hold a secret)', () => {
    const e = errorOf(() => readManifest('{"passwordCredentials":[{"secretText":"SuperSecretValue123" oops}]}'));
    expect(JSON.stringify(e)).not.toContain('SuperSecretValue123');
  });
});

describe('JSON that is not a manifest says what it is', () => {
  const sp = {
    '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#servicePrincipals/$entity',
    id: 'x',
    appId: 'c603620f-3d35-453e-bcde-9f680b44a0f3',
    servicePrincipalType: 'Application',
    appDisplayName: 'x',
  };
  const pfxBase64 = `MIIKYQIBAzCCCicGCSqGSIb3DQEHAaCCChgEggoUMIIKEDCCBMcGCSqGSIb3DQEHBqCCBLgwggS0AgEAMIIErQYJKoZIhvcNAQcBMBwGCiqGSIb3DQEMAQYwDgQI${'A'.repeat(200)}`;
  const certBase64 = fixture('01_cert-used-in-recording.b64').toString('utf8').trim();
  const cases: Array<[string, string | Uint8Array, RegExp]> = [
    ['a service principal', JSON.stringify(sp), /service principal .*client ID c603620f/],
    [
      'a list of service principals',
      JSON.stringify({ '@odata.context': 'x', value: [sp, sp] }),
      /list of 2 service principals/,
    ],
    ['an array of strings', '["a","b","c"]', /a list of 3 strings/],
    ['an array of numbers', '[1,2]', /a list of 2 numbers/],
    ['a mixed array', '[1,"a",null]', /a list of 3 mixed values/],
    ['an empty array', '[]', /an empty list/],
    [
      'an empty Graph result',
      '{"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#applications","value":[]}',
      /found no app registration/,
    ],
    ['a PFX as base64 text', pfxBase64, /PFX \(PKCS#12\).*as base64 text/],
    ['a PFX as a JSON string', JSON.stringify(pfxBase64), /JSON text holding a PFX \(PKCS#12\).*as base64 text/],
    ['a certificate as base64 text', certBase64, /certificate \(DER.*as base64 text/],
    ['PFX bytes', Buffer.from(pfxBase64, 'base64'), /PFX \(PKCS#12\) certificate file/],
    [
      'a PEM certificate',
      `-----BEGIN CERTIFICATE-----\n${certBase64}\n-----END CERTIFICATE-----\n`,
      /certificate in PEM format/,
    ],
    ['a PEM private key', '-----BEGIN PRIVATE KEY-----\nMIIabc\n-----END PRIVATE KEY-----', /private key .*secret/],
    ['a ZIP', Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), /ZIP archive/],
    [
      'a connection profile of this tool',
      JSON.stringify({ name: 'prod', auth: 'certificate', clientId: 'x', tenant: 'contoso.com' }),
      /connection profile of this tool/,
    ],
    [
      'the settings of this tool',
      JSON.stringify({ version: 1, theme: 'dark', clipboardClearSeconds: 60 }),
      /settings file of this tool/,
    ],
    [
      'a token response',
      JSON.stringify({ token_type: 'Bearer', access_token: 'eyJ...', expires_in: 3599 }),
      /token response/,
    ],
    ['a JWT', 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhYmMifQ.c2lnbmF0dXJl', /token \(JWT\)/],
    [
      'decoded token claims',
      JSON.stringify({ aud: 'https://graph.microsoft.com', iss: 'https://sts.windows.net/x/', scp: 'Files.Read' }),
      /claims of a decoded/,
    ],
    [
      'a Graph error',
      JSON.stringify({ error: { code: 'Request_ResourceNotFound', message: 'Resource does not exist' } }),
      /error response from Microsoft Graph \(Request_ResourceNotFound\)/,
    ],
    ['a package.json', JSON.stringify({ name: 'x', version: '1.0.0', dependencies: {} }), /package\.json/],
    ['an empty object', '{}', /an empty object/],
    ['a plain object', JSON.stringify({ foo: 1, bar: 2 }), /fields "foo", "bar", but no appId/],
    ['an object with only an appId', JSON.stringify({ appId: 'x', displayName: 'y' }), /only an appId/],
    ['a number', '42', /the number 42 on its own/],
    ['null', 'null', /null on its own/],
    ['XML', '<?xml version="1.0"?><EntityDescriptor/>', /XML/],
  ];
  it.each(cases)('%s', (_name, input, pattern) => {
    const e = errorOf(() => readManifest(input));
    expect(e.code).toBe('manifest.not_a_manifest');
    expect(e.message).toMatch(/^This is not an app registration manifest: it is /);
    expect(e.message).toMatch(pattern);
    expect(e.hint ?? '').not.toBe('');
  });

  it('refuses a service principal with a hint to the app registration', () => {
    expect(errorOf(() => readManifest(JSON.stringify(sp))).hint).toContain('az ad app show');
  });
});

describe('lists of apps', () => {
  it('reads `az ad app list` output (a plain array) and a Graph { value: [...] } page', () => {
    const a = toGraph(goodSpec());
    const b = toGraph({ ...goodSpec(), appId: '22222222-2222-3333-4444-555555555555', displayName: 'Second' });
    expect(readManifest(JSON.stringify([a, b])).apps.map((x) => x.summary.displayName)).toEqual([
      'Contoso automation',
      'Second',
    ]);
    const page = readManifest(JSON.stringify({ '@odata.context': 'x', '@odata.nextLink': 'y', value: [a, b] }));
    expect(page.apps).toHaveLength(2);
  });

  it('checks only the app with the profile’s client ID', () => {
    const other = toGraph({ ...goodSpec(), appId: '22222222-2222-3333-4444-555555555555', redirects: [] });
    const report = verifyManifest(JSON.stringify([other, toGraph(goodSpec())]), goodTarget('byo-app'));
    expect(report.apps).toHaveLength(2);
    expect(report.findings.map((f) => f.code)).toEqual(['manifest.several_apps']);
  });

  it('skips items that are not apps, with a finding', () => {
    const parsed = readManifest(JSON.stringify([toGraph(goodSpec()), 'stray', { foo: 1 }]));
    expect(parsed.apps).toHaveLength(1);
    expect(parsed.notes[0]?.message).toContain('2 items');
  });
});

describe('odd fields become findings, never crashes', () => {
  it('reads a manifest whose every field is null', () => {
    const nulls = Object.fromEntries(Object.keys(toGraph(goodSpec())).map((k) => [k, null]));
    const report = verifyManifest(
      JSON.stringify({ ...nulls, appId: '11111111-2222-3333-4444-555555555555', web: {} }),
      goodTarget('byo-app'),
    );
    expect(report.findings.map((f) => f.code)).toContain('redirect.byo_callback_missing');
  });

  it('notes credentials without dates and arbitrary customKeyIdentifier values', () => {
    const spec = goodCertificateSpec();
    spec.keys = [
      { customKeyIdentifier: 'not base64 at all!', start: null, end: null },
      { customKeyIdentifier: Buffer.from([1, 2, 3, 250]).toString('base64') },
      { customKeyIdentifier: '' },
    ];
    const report = verifyManifest(manifestJson(spec, 'aadgraph'), goodTarget('certificate'));
    const codes = report.findings.map((f) => f.code);
    expect(codes.filter((c) => c === 'key_credential.no_dates')).toHaveLength(3);
    expect(codes).toContain('key_credential.identifier_unreadable');
    expect(codes).toContain('certificate.not_registered');
  });

  it('notes wrong types in nested fields', () => {
    const app = {
      ...toGraph(goodSpec()),
      requiredResourceAccess: [{ resourceAppId: 3, resourceAccess: 'none' }, 7],
      web: { redirectUris: ['https://contoso.com/provisioning_/callback', 42] },
      keyCredentials: [{ endDateTime: 'next year' }],
    };
    const report = verifyManifest(JSON.stringify(app), goodTarget('byo-app'));
    const odd = report.findings.filter((f) => f.code === 'manifest.unexpected_value').map((f) => f.message);
    expect(odd.some((m) => m.includes('requiredResourceAccess[0].resourceAppId'))).toBe(true);
    expect(odd.some((m) => m.includes('web.redirectUris[1]'))).toBe(true);
    expect(odd.some((m) => m.includes('keyCredentials[0].endDateTime') && m.includes('"next year"'))).toBe(true);
  });

  it('caps the list of odd fields', () => {
    const app = { ...toGraph(goodSpec()), identifierUris: Array.from({ length: 50 }, (_, i) => i) };
    const odd = readManifest(JSON.stringify(app)).apps[0]!.notes.filter((n) => n.code === 'manifest.unexpected_value');
    expect(odd).toHaveLength(21);
    expect(odd.at(-1)?.message).toContain('30 more');
  });

  it('survives every field of real manifests replaced by every kind of JSON value', () => {
    const replacements: unknown[] = [null, 0, -1.5, 'x', '', true, [], {}, [null], [{}], { a: [1] }];
    let runs = 0;
    for (const name of [
      '01_graph-format_az-cli-recording_app-with-cert.json',
      '04_aadgraph-api-1.6_az-cli-recording_create-for-rbac-cert.json',
    ]) {
      const original = JSON.parse(fixture(name).toString('utf8')) as unknown;
      for (const path of allPaths(original)) {
        for (const value of replacements) {
          const mutated = setAt(structuredClone(original), path, value);
          try {
            const report = verifyManifest(JSON.stringify(mutated), {
              ...goodTarget('certificate'),
              auth: 'byo-app',
              domain: 'contoso.com',
              secretFirstChars: 'abc',
            });
            expect(Array.isArray(report.findings)).toBe(true);
          } catch (e) {
            expect(isWorkbenchError(e), `${path.join('.')} = ${JSON.stringify(value)}: ${String(e)}`).toBe(true);
          }
          runs++;
        }
      }
    }
    expect(runs).toBeGreaterThan(1000);
  });

  it('is not slowed or crashed by deep nesting', () => {
    const deep = `{"appId":"x","signInAudience":"AzureADMyOrg","extra":${'['.repeat(5000)}${']'.repeat(5000)}}`;
    expect(verifyManifest(deep, target).apps).toHaveLength(1);
    expect(errorOf(() => readManifest('['.repeat(100_000))).code).toBe('manifest.invalid_json');
  });
});

function allPaths(value: unknown, prefix: Array<string | number> = []): Array<Array<string | number>> {
  if (Array.isArray(value)) return value.flatMap((v, i) => [[...prefix, i], ...allPaths(v, [...prefix, i])]);
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => [[...prefix, k], ...allPaths(v, [...prefix, k])]);
  return [];
}

function setAt(root: unknown, path: Array<string | number>, value: unknown): unknown {
  let node = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path.at(-1)!] = value;
  return root;
}
