// Benchmark: verify 1,000 generated app manifests (both formats, certificates, secrets, permissions, redirect URIs)
// against a profile and print manifests per second. Run: npm run bench:verify (tsx). Timings never gate CI.
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { environments } from '../src/core/connections/environments';
import { renderReportHtml } from '../src/core/registration/render-html';
import { renderReportMarkdown } from '../src/core/registration/render-markdown';
import { verifyManifest } from '../src/core/registration/verify-manifest';
import type { VerifyTarget } from '../src/core/registration/verify-target';
import { BENCH_APP_ID, benchCertificateDer, benchManifest } from './manifest-generator';

const COUNT = 1000;
const now = new Date('2026-01-01T00:00:00Z');
const der = benchCertificateDer();
const sha1 = createHash('sha1').update(der).digest();
const manifest = (i: number): string => benchManifest(i, { now, der });

const target: VerifyTarget = {
  auth: 'byo-app',
  clientId: BENCH_APP_ID,
  tenant: 'common',
  environment: environments.office365,
  domain: 'contoso.com',
  delegatedScopes: ['openid', 'offline_access', 'User.Read', 'Files.Read'],
  requiredDelegated: ['openid', 'offline_access', ['User.Read.All', 'User.Read'], 'Files.Read'],
  triggerDelegated: ['Files.Read.All'],
  applicationPermissions: ['Files.Read.All'],
  secretFirstChars: 'abc',
  certificate: {
    derBase64: der.toString('base64'),
    thumbprintSha1: sha1.toString('hex').toUpperCase(),
    thumbprintSha256: '',
    notBefore: '2025-01-01T00:00:00Z',
    notAfter: '2027-01-01T00:00:00Z',
    keyMatchesCertificate: true,
  },
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

console.log(
  `verified ${COUNT} manifests (${(bytes / 1024).toFixed(0)} KiB, both formats) in ${verifyMs.toFixed(0)} ms`,
);
console.log(
  `  ${Math.round((COUNT / verifyMs) * 1000)} manifests per second; ${(verifyMs / COUNT).toFixed(3)} ms each; ${findings} findings (${(findings / COUNT).toFixed(1)} per manifest)`,
);
console.log(`  verify + Markdown + HTML report: ${Math.round((200 / renderMs) * 1000)} manifests per second`);
