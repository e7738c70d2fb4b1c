// Benchmark: verify 1,000 generated app manifests (both formats, certificates, secrets, permissions, redirect URIs)
// against a profile and print manifests per second. Run: npm run bench:verify (tsx). Timings never gate CI.
import { createHash, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { environments } from '../src/core/connections/environments';
import { permissionByValue } from '../src/core/registration/permission-lookup';
import { renderReportHtml } from '../src/core/registration/render-html';
import { renderReportMarkdown } from '../src/core/registration/render-markdown';
import { verifyManifest } from '../src/core/registration/verify-manifest';
import type { VerifyTarget } from '../src/core/registration/verify-target';

const COUNT = 1000;
const now = new Date('2026-01-01T00:00:00Z');
const day = 86_400_000;
const der = Buffer.concat([Buffer.from([0x30, 0x82, 0x03, 0x00]), createHash('sha512').update('bench').digest(), Buffer.alloc(700, 1)]);
const sha1 = createHash('sha1').update(der).digest();
const scopes = ['openid', 'offline_access', 'User.Read', 'Files.Read', 'Files.Read.All', 'Sites.Read.All', 'Group.Read.All', 'Sites.FullControl.All', 'Mail.Read'];

function manifest(i: number): string {
  const graph = i % 2 === 0;
  const appId = i === 0 ? '11111111-2222-3333-4444-555555555555' : randomUUID();
  const date = (offset: number): string => new Date(now.getTime() + offset * day).toISOString();
  const identifiers = [sha1.toString('hex').toUpperCase(), sha1.toString('base64'), Buffer.from(sha1.toString('hex')).toString('base64'), Buffer.from('friendly').toString('base64')];
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
  const secrets = Array.from({ length: i % 3 }, (_, k) => ({ hint: k === 0 ? 'abc' : 'Xy~', keyId: randomUUID(), [graph ? 'endDateTime' : 'endDate']: date(20 * k + (i % 40) - 5), displayName: `s${k}` }));
  const access = scopes.slice(0, 3 + (i % scopes.length)).map((s) => ({ id: permissionByValue(s, 'delegated')?.id ?? randomUUID(), type: 'Scope' }));
  if (i % 4 === 0) access.push({ id: permissionByValue('Files.Read.All', 'application')?.id ?? '', type: 'Role' });
  const redirects = [
    { uri: i % 3 === 0 ? 'https://contoso.com/provisioning_/callback' : 'https://contoso.com/Provisioning_/callback/', platform: 'Web' },
    { uri: i % 2 === 0 ? 'http://localhost' : 'http://127.0.0.1:8400', platform: i % 5 === 0 ? 'InstalledClient' : 'Web' },
    { uri: `https://app${i}.contoso.com/signin`, platform: 'Spa' },
  ];
  const requiredResourceAccess = [{ resourceAppId: '00000003-0000-0000-c000-000000000000', resourceAccess: access }];
  const common = { appId, identifierUris: [`api://${appId}`], publisherDomain: i % 9 === 0 ? 'contoso.onmicrosoft.us' : 'contoso.onmicrosoft.com', keyCredentials: keys, passwordCredentials: secrets, requiredResourceAccess };
  if (graph) {
    const uris = (p: string): string[] => redirects.filter((r) => r.platform === p).map((r) => r.uri);
    return JSON.stringify({
      '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#applications/$entity',
      id: randomUUID(),
      displayName: `Automation ${i}`,
      signInAudience: ['AzureADMyOrg', 'AzureADMultipleOrgs', 'AzureADandPersonalMicrosoftAccount'][i % 3],
      isFallbackPublicClient: i % 6 === 0,
      api: { requestedAccessTokenVersion: i % 2 ? 2 : null },
      web: { redirectUris: uris('Web'), implicitGrantSettings: { enableAccessTokenIssuance: i % 8 === 0, enableIdTokenIssuance: false } },
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

const target: VerifyTarget = {
  auth: 'byo-app',
  clientId: '11111111-2222-3333-4444-555555555555',
  tenant: 'common',
  environment: environments.office365,
  domain: 'contoso.com',
  delegatedScopes: ['openid', 'offline_access', 'User.Read', 'Files.Read'],
  requiredDelegated: ['openid', 'offline_access', ['User.Read.All', 'User.Read'], 'Files.Read'],
  triggerDelegated: ['Files.Read.All'],
  applicationPermissions: ['Files.Read.All'],
  secretFirstChars: 'abc',
  certificate: { derBase64: der.toString('base64'), thumbprintSha1: sha1.toString('hex').toUpperCase(), thumbprintSha256: '', notBefore: '2025-01-01T00:00:00Z', notAfter: '2027-01-01T00:00:00Z', keyMatchesCertificate: true },
  loopbackTest: true,
  now,
};

const texts = Array.from({ length: COUNT }, (_, i) => manifest(i));
const bytes = texts.reduce((n, t) => n + t.length, 0);
// Warm up the JIT and the permission catalog, then measure.
for (const text of texts.slice(0, 50)) verifyManifest(text, target);

let findings = 0;
const start = performance.now();
for (const text of texts) findings += verifyManifest(text, target).findings.length;
const verifyMs = performance.now() - start;

const renderStart = performance.now();
for (const text of texts.slice(0, 200)) {
  const report = verifyManifest(text, target);
  renderReportMarkdown(report);
  renderReportHtml(report);
}
const renderMs = performance.now() - renderStart;

console.log(`verified ${COUNT} manifests (${(bytes / 1024).toFixed(0)} KiB, both formats) in ${verifyMs.toFixed(0)} ms`);
console.log(`  ${Math.round((COUNT / verifyMs) * 1000)} manifests per second; ${(verifyMs / COUNT).toFixed(3)} ms each; ${findings} findings (${(findings / COUNT).toFixed(1)} per manifest)`);
console.log(`  verify + Markdown + HTML report: ${Math.round((200 / renderMs) * 1000)} manifests per second`);
