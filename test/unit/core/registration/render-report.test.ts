import { describe, expect, it } from 'vitest';
import { environments } from '../../../../src/core/connections/environments';
import { renderReportHtml } from '../../../../src/core/registration/render-html';
import { escapeHtml, reportStyle } from '../../../../src/core/report-html';
import { escapeMarkdown, renderReportMarkdown } from '../../../../src/core/registration/render-markdown';
import { verifyManifest } from '../../../../src/core/registration/verify-manifest';
import {
  fixture,
  goodCertificateSpec,
  goodSpec,
  goodTarget,
  inDays,
  manifestJson,
  recordingCertificate,
} from './manifest-builders';

const secret = 'Xy~8Q~Zq0-This-Is-The-Secret-Value-AbCdEf';

function troubledReport() {
  const spec = goodSpec();
  spec.displayName = '<script>alert(1)</script> **bold** | pipe';
  spec.redirects = [{ uri: 'https://contoso.com/provisioning_/callback/', platform: 'web' }];
  spec.secrets[0]!.secretText = secret;
  spec.secrets.push({ hint: 'Xy~', end: inDays(5), displayName: 'second' });
  spec.permissions.push({ name: 'Sites.FullControl.All', kind: 'delegated' });
  return verifyManifest(
    manifestJson(spec, 'graph'),
    goodTarget('byo-app', { secretFirstChars: 'Xy~', environment: environments['usgov-l4'] }),
    { fileName: 'contoso.json' },
  );
}

describe('Markdown report', () => {
  const report = troubledReport();
  const md = renderReportMarkdown(report);

  it('lists findings by severity with fixes and admin-center links of the profile’s cloud', () => {
    expect(md).toMatch(/## Errors \(\d+\)/);
    expect(md).toContain('`redirect.trailing_slash`');
    expect(md).toContain('**Fix:**');
    expect(md).toContain(
      '](https://entra.microsoft.us/#view/Microsoft_AAD_RegisteredApps/ApplicationMenuBlade/~/Authentication/appId/',
    );
    expect(md.indexOf('## Errors')).toBeLessThan(md.indexOf('## Warnings'));
    expect(md).toContain('| File | contoso.json |');
  });

  it('escapes names from the manifest and holds no secret, only hints', () => {
    expect(md).not.toContain('<script>');
    expect(md).toContain('\\<script\\>');
    expect(md).toContain('\\*\\*bold\\*\\*');
    expect(md).not.toContain(secret);
    expect(md).toContain('| second | Xy~ |'.replace('~', '\\~'));
  });

  it('shows certificates by thumbprint', () => {
    const spec = goodCertificateSpec();
    const r = verifyManifest(manifestJson(spec, 'aadgraph'), goodTarget('certificate'));
    const out = renderReportMarkdown(r);
    expect(out).toContain(recordingCertificate().thumbprintSha1);
    expect(out).not.toContain(recordingCertificate().derBase64.slice(0, 40));
    expect(out).toContain('No errors or warnings.');
  });

  it('escapes Markdown control characters', () => {
    expect(escapeMarkdown('a|b*c _d[e](f)<g>\nh')).toBe('a\\|b\\*c \\_d\\[e\\](f)\\<g\\> h');
  });
});

describe('HTML report', () => {
  const report = troubledReport();
  const html = renderReportHtml(report);

  it('is one self-contained page: no scripts, no external resources, a CSP that forbids fetching', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|src=|url\(/i);
    expect(html).toContain('@media print');
    // One stylesheet for every report (the connection record uses the same).
    expect(html).toContain(`<style>${reportStyle}</style>`);
  });

  it('escapes names from the manifest and holds no secret', () => {
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain(secret);
  });

  it('links each fix to the admin center with https only', () => {
    const hrefs = [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]);
    expect(hrefs.length).toBe(report.findings.length);
    for (const href of hrefs) expect(href).toMatch(/^https:\/\/entra\.microsoft\.us\/#view\//);
  });

  it('escapes quotes for attributes', () => {
    expect(escapeHtml(`"'&<>`)).toBe('&quot;&#39;&amp;&lt;&gt;');
  });
});

describe('reports of templates and fragments', () => {
  it('say what the file was checked as, and which permissions were not checked', () => {
    const report = verifyManifest(fixture('09_teams-toolkit_aad.manifest.json'), goodTarget('byo-app'), {
      fileName: 'aad.manifest.json',
    });
    const md = renderReportMarkdown(report);
    expect(md).toContain(
      '| Checked as | Teams Toolkit template (aad.manifest.json): placeholders, certificates and secrets not checked |',
    );
    expect(md).toContain('| Microsoft Graph | User.Read | Delegated | Yes |');
    expect(md).toContain('| Office 365 SharePoint Online | AllSites.Read | Delegated | No (not Microsoft Graph) |');
    expect(md).toContain('`manifest.template`');
    const html = renderReportHtml(report);
    expect(html).toContain('<th scope="row">Checked as</th>');
    expect(html).toContain('<td>No (not Microsoft Graph)</td>');
  });

  it('a fragment is labelled as requiredResourceAccess only', () => {
    const md = renderReportMarkdown(
      verifyManifest(fixture('11_fragment_requiredResourceAccess-list.json'), goodTarget('byo-app')),
    );
    expect(md).toContain('| Checked as | requiredResourceAccess only: permissions checked, nothing else |');
  });
});
