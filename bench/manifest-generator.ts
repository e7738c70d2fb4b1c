// Generates app manifests for the benchmarks: both formats, certificates with every customKeyIdentifier encoding,
// secrets, permissions and redirect URIs in many combinations (deterministic apart from GUIDs).
import { createHash, randomUUID } from 'node:crypto';
import { permissionByValue } from '../src/core/registration/permission-lookup';

/** The client ID of manifest 0 (the one the benchmark profile names). */
export const BENCH_APP_ID = '11111111-2222-3333-4444-555555555555';

const day = 86_400_000;
const scopes = [
  'openid',
  'offline_access',
  'User.Read',
  'Files.Read',
  'Files.Read.All',
  'Sites.Read.All',
  'Group.Read.All',
  'Sites.FullControl.All',
  'Mail.Read',
];

/** A stand-in certificate DER (only its thumbprints are compared). */
export function benchCertificateDer(): Buffer {
  return Buffer.concat([
    Buffer.from([0x30, 0x82, 0x03, 0x00]),
    createHash('sha512').update('bench').digest(),
    Buffer.alloc(700, 1),
  ]);
}

/** Manifest number i as JSON text; dates are relative to `now`, the certificate is `der`. */
export function benchManifest(i: number, options: { now: Date; der: Buffer }): string {
  const { now, der } = options;
  const sha1 = createHash('sha1').update(der).digest();
  const graph = i % 2 === 0;
  const appId = i === 0 ? BENCH_APP_ID : randomUUID();
  const date = (offset: number): string => new Date(now.getTime() + offset * day).toISOString();
  const identifiers = [
    sha1.toString('hex').toUpperCase(),
    sha1.toString('base64'),
    Buffer.from(sha1.toString('hex')).toString('base64'),
    Buffer.from('friendly').toString('base64'),
  ];
  const keys = Array.from({ length: 1 + (i % 3) }, (_, k) => ({
    customKeyIdentifier: identifiers[(i + k) % identifiers.length],
    [graph ? 'startDateTime' : 'startDate']: date(-100 - k),
    [graph ? 'endDateTime' : 'endDate']: date((i % 50) - 10 + k * 100),
    [graph ? 'key' : 'value']: k === 0 && i % 5 === 0 ? der.toString('base64') : null,
    keyId: randomUUID(),
    type: 'AsymmetricX509Cert',
    usage: i % 7 === 0 ? 'Encrypt' : 'Verify',
    displayName: `CN=app-${i}-${k}`,
  }));
  const secrets = Array.from({ length: i % 3 }, (_, k) => ({
    hint: k === 0 ? 'abc' : 'Xy~',
    keyId: randomUUID(),
    [graph ? 'endDateTime' : 'endDate']: date(20 * k + (i % 40) - 5),
    displayName: `s${k}`,
  }));
  const access = scopes
    .slice(0, 3 + (i % scopes.length))
    .map((s) => ({ id: permissionByValue(s, 'delegated')?.id ?? randomUUID(), type: 'Scope' }));
  if (i % 4 === 0) access.push({ id: permissionByValue('Files.Read.All', 'application')?.id ?? '', type: 'Role' });
  const redirects = [
    {
      uri: i % 3 === 0 ? 'https://contoso.com/provisioning_/callback' : 'https://contoso.com/Provisioning_/callback/',
      platform: 'Web',
    },
    {
      uri: i % 2 === 0 ? 'http://localhost' : 'http://127.0.0.1:8400',
      platform: i % 5 === 0 ? 'InstalledClient' : 'Web',
    },
    { uri: `https://app${i}.contoso.com/signin`, platform: 'Spa' },
  ];
  const requiredResourceAccess = [{ resourceAppId: '00000003-0000-0000-c000-000000000000', resourceAccess: access }];
  const common = {
    appId,
    identifierUris: [`api://${appId}`],
    publisherDomain: i % 9 === 0 ? 'contoso.onmicrosoft.us' : 'contoso.onmicrosoft.com',
    keyCredentials: keys,
    passwordCredentials: secrets,
    requiredResourceAccess,
  };
  if (graph) {
    const uris = (p: string): string[] => redirects.filter((r) => r.platform === p).map((r) => r.uri);
    return JSON.stringify({
      '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#applications/$entity',
      id: randomUUID(),
      displayName: `Automation ${i}`,
      signInAudience: ['AzureADMyOrg', 'AzureADMultipleOrgs', 'AzureADandPersonalMicrosoftAccount'][i % 3],
      isFallbackPublicClient: i % 6 === 0,
      api: { requestedAccessTokenVersion: i % 2 ? 2 : null },
      web: {
        redirectUris: uris('Web'),
        implicitGrantSettings: { enableAccessTokenIssuance: i % 8 === 0, enableIdTokenIssuance: false },
      },
      spa: { redirectUris: uris('Spa') },
      publicClient: { redirectUris: uris('InstalledClient') },
      ...common,
    });
  }
  return JSON.stringify({
    objectId: randomUUID(),
    name: `Automation ${i}`,
    availableToOtherTenants: i % 3 === 1,
    allowPublicClient: i % 6 === 1,
    oauth2AllowImplicitFlow: false,
    replyUrlsWithType: redirects.map((r) => ({ url: r.uri, type: r.platform })),
    ...common,
  });
}
