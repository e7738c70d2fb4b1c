// The New connection wizard in Chromium against the Entra emulator: for each of the three options, from the decision
// guide to a tested connection and its exported record (Markdown, HTML, PDF), with a screenshot and an axe scan of every
// step; then leave and resume (a reload mid-wizard keeps everything typed, and the wizard's file holds no secret).
import { spawnSync } from 'node:child_process';
import { randomUUID, X509Certificate } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { findPermission, GRAPH_RESOURCE_APP_ID } from '../../src/core/permissions/catalog';
import { lookupAadsts } from '../../src/core/signin/aadsts-catalogue';
import type { AuthKind } from '../../src/shared/connections';
import type { EmulatorApp } from '../support/idp';
import { HttpBrowser, startSigninHarness, type SigninHarness } from '../support/idp';
import { createTestHost, type TestHost } from '../support/test-context';
import { chromiumPdfPrinter } from './support/chromium-pdf';
import { skipWithout } from '../support/reference-tools';
import { chromiumMissing, closeBrowser, startHarness, type Harness } from './support/harness';

const missing = chromiumMissing();

const JWT = /eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}/;
const noPdftotext = missing ? null : skipWithout('pdftotext', "the check of the PDF records' text");

interface Walk {
  option: AuthKind;
  label: string;
  name: string;
  app: EmulatorApp & { secretValue?: string };
  secretExpiry?: string;
  /** What the admin said in the decision guide. */
  guide: { signsIn: string; triggers: string; credential: string };
}

describe.skipIf(missing !== null)('New connection wizard in Chromium', () => {
  let idp: SigninHarness;
  let host: TestHost;
  let h: Harness;
  const out = mkdtempSync(join(tmpdir(), 'gcw-wizard-e2e-'));
  const printer = chromiumPdfPrinter(() => h?.context.browser() ?? null);
  const walks: Walk[] = [];
  /** Each walk's PDF record and the secrets it must not hold, read back with pdftotext at the end. */
  const pdfs: Array<{ w: Walk; pdf: string; secrets: string[] }> = [];
  let rewrite: Record<string, string> = {};

  beforeAll(async () => {
    idp = await startSigninHarness();
    const secret = () => `Wz8~${randomUUID().replace(/-/g, '').slice(0, 30)}.k1`;
    const certApp: EmulatorApp = {
      clientId: randomUUID(),
      displayName: 'Robot certificate app',
      web: ['http://localhost'],
      certificates: [],
      requiredPermissions: { delegated: ['User.Read', 'Files.Read'], application: ['Files.Read.All'] },
    };
    const ccSecret = secret();
    const ccApp: EmulatorApp = {
      clientId: randomUUID(),
      displayName: 'Robot secret app',
      web: ['http://localhost'],
      secrets: [{ value: ccSecret }],
      requiredPermissions: { delegated: ['Files.Read'], application: ['Files.Read.All'] },
    };
    const byoSecret = secret();
    const byoApp: EmulatorApp = {
      clientId: randomUUID(),
      displayName: 'Own app',
      web: ['https://cloud.example.com/provisioning_/callback', 'http://localhost'],
      secrets: [{ value: byoSecret }],
      requiredPermissions: { delegated: ['User.Read', 'Files.Read'] },
    };
    idp.s.tenant.apps?.push(certApp, ccApp, byoApp);
    // The certificate app's application permission was granted by an administrator already.
    idp.s.tenant.applicationGrants = { ...idp.s.tenant.applicationGrants, [certApp.clientId]: ['Files.Read.All'] };
    walks.push(
      {
        option: 'certificate',
        label: 'Client certificate',
        name: 'Robot (certificate)',
        app: certApp,
        guide: { signsIn: 'A service account, unattended', triggers: 'No, only actions', credential: 'Certificate' },
      },
      {
        option: 'client-credentials',
        label: 'OAuth 2.0 client credentials',
        name: 'Robot (client secret)',
        app: { ...ccApp, secretValue: ccSecret },
        secretExpiry: '2027-06-30',
        guide: { signsIn: 'A service account, unattended', triggers: 'No, only actions', credential: 'Client secret' },
      },
      {
        option: 'byo-app',
        label: 'Bring your own OAuth 2.0 app',
        name: 'People (own app)',
        app: { ...byoApp, secretValue: byoSecret },
        secretExpiry: '2027-03-31',
        guide: {
          signsIn: 'People, each with their own account, in the browser',
          triggers: 'Yes',
          credential: 'No preference',
        },
      },
    );
    // The wizard targets the real global cloud; the sign-in network client (and the test's browser) send its hosts to the emulator.
    rewrite = { 'https://login.microsoftonline.com': idp.idp.origin, 'https://graph.microsoft.com': idp.idp.origin };
    host = createTestHost({
      signinNetwork: { extraCaPem: idp.pki.caPem, timeoutMs: 10_000, rewrite, allowedHosts: [idp.idp.host] },
      pdf: printer,
    });
    h = await startHarness({ shell: 'desktop', host, viewport: { width: 1280, height: 1000 } });
  });
  beforeEach(async () => {
    await h?.reset();
  });
  afterAll(async () => {
    await h?.close();
    await closeBrowser();
    host?.ctx.signin.close();
    await idp?.close();
    rmSync(out, { recursive: true, force: true });
  });

  const page = () => h.page;
  const stepHeading = (n: number) =>
    page()
      .getByRole('heading', { name: new RegExp(`^Step ${n} of 8`) })
      .waitFor();
  const next = async (n: number) => {
    await page()
      .getByRole('button', { name: /^(Next|Save and continue)/ })
      .click();
    await stepHeading(n);
  };
  /** A screenshot of the whole step (however far the main area scrolls) and an axe scan, once the field checks have answered. */
  const shoot = async (w: Walk, step: string) => {
    await page().locator('[data-testid^="wizard-step-"][data-checking="false"]').waitFor();
    const height = await page().evaluate(() => (document.querySelector('main')?.scrollHeight ?? 0) + 8);
    await page().setViewportSize({ width: 1280, height: Math.max(1000, height) });
    await h.screenshot(`wizard-${w.option}-${step}`);
    expect(await h.seriousAxeViolations(), `axe on ${w.option} ${step}`).toEqual([]);
    await page().setViewportSize({ width: 1280, height: 1000 });
  };
  const field = (label: string | RegExp) => page().getByRole('textbox', { name: label });
  const visitAs = async (user: { username: string; password: string }) => {
    await page().locator('[data-step="browser"]').last().waitFor();
    const url = host.shell.opened.at(-1) ?? '';
    const browser = new HttpBrowser({ caPem: idp.pki.caPem, user, rewrite });
    try {
      return await browser.visit(url);
    } finally {
      browser.close();
    }
  };

  /** A Microsoft Graph-format manifest of the certificate app, with public client flows left on (so the record has an open finding). */
  const manifestFor = (w: Walk, certPem: string) => {
    const x = new X509Certificate(certPem);
    const der = x.raw.toString('base64');
    const resourceAccess = [
      ...(w.app.requiredPermissions?.delegated ?? []).map((v) => ({
        id: findPermission(v, 'delegated')!.id,
        type: 'Scope',
      })),
      ...(w.app.requiredPermissions?.application ?? []).map((v) => ({
        id: findPermission(v, 'application')!.id,
        type: 'Role',
      })),
    ];
    return JSON.stringify({
      id: randomUUID(),
      appId: w.app.clientId,
      displayName: w.app.displayName,
      signInAudience: 'AzureADMyOrg',
      isFallbackPublicClient: true,
      web: {
        redirectUris: ['http://localhost'],
        implicitGrantSettings: { enableAccessTokenIssuance: true, enableIdTokenIssuance: false },
      },
      publicClient: { redirectUris: [] },
      keyCredentials: [
        {
          customKeyIdentifier: x.fingerprint.replace(/:/g, ''),
          displayName: x.subject,
          endDateTime: new Date(x.validTo).toISOString(),
          key: der,
          keyId: randomUUID(),
          startDateTime: new Date(x.validFrom).toISOString(),
          type: 'AsymmetricX509Cert',
          usage: 'Verify',
        },
      ],
      passwordCredentials: [],
      requiredResourceAccess: [{ resourceAppId: GRAPH_RESOURCE_APP_ID, resourceAccess }],
    });
  };

  async function walk(w: Walk): Promise<{ profileId: string; files: Record<'md' | 'html' | 'pdf', string> }> {
    const p = page();
    // A fresh page load: the wizard shows what main keeps, not what an earlier page had on screen.
    await h.open('#/wizard');
    await stepHeading(1);

    // 1. The decision guide recommends the option; the choice follows it.
    await p.getByRole('radio', { name: w.guide.signsIn }).click();
    await p.getByRole('radio', { name: w.guide.triggers }).click();
    await p.getByRole('radio', { name: w.guide.credential, exact: true }).click();
    await p.getByRole('combobox', { name: /Which Microsoft cloud/ }).selectOption('office365');
    await p.getByTestId('recommendation').getByText(`Recommended: ${w.label}`).waitFor();
    expect(await p.getByRole('radio', { name: `${w.label} (recommended)` }).isChecked()).toBe(true);
    await shoot(w, '1-decide');
    await next(2);

    // 2. The checklist: the exact values for this option and cloud, with copy buttons and admin-center links.
    const checklist = p.getByRole('list', { name: 'App registration checklist' });
    await checklist.locator('[data-item="redirect"]').getByText('http://localhost', { exact: true }).waitFor();
    if (w.option === 'byo-app') {
      await field(/Your domain/).fill('cloud.example.com');
      const connector = checklist.locator(
        '[data-item="redirect"] [data-value="https://cloud.example.com/provisioning_/callback"]',
      );
      await connector.getByText('Redirect URI of the connector (platform: Web)').waitFor();
      await connector.getByRole('button', { name: /Copy Redirect URI of the connector/ }).click();
      await expect.poll(() => host.clipboard.text).toBe('https://cloud.example.com/provisioning_/callback');
    }
    await checklist.locator('[data-item="permissions"]').getByText('Files.Read', { exact: true }).first().waitFor();
    await checklist.locator('[data-item="register"]').getByRole('checkbox', { name: 'Done' }).check();
    await checklist.locator('[data-item="register"]').getByRole('button', { name: 'Open App registrations' }).click();
    await expect
      .poll(() => host.shell.opened.at(-1))
      .toBe('https://entra.microsoft.com/#view/Microsoft_AAD_RegisteredApps/ApplicationsListBlade');
    if (w.option === 'certificate') {
      // The IDs can be copied in right here; the links then open this app's own pages.
      await field(/^Client ID/).fill(w.app.clientId);
      await field(/^Tenant ID/).fill(idp.s.tenantId);
      await checklist
        .locator('[data-item="credential"]')
        .getByRole('button', { name: 'Open Certificates & secrets' })
        .waitFor();
    }
    await shoot(w, '2-register');
    await next(3);

    // 3. The certificate (generated and exported here) or the client secret, which goes to main at once.
    if (w.option === 'certificate') {
      await p.getByRole('radio', { name: 'Generate a new certificate' }).click();
      await field(/Subject name/).fill('robot-certificate');
      await p.getByRole('button', { name: 'Generate certificate' }).click();
      await p.getByRole('button', { name: 'Choose folder and export…' }).waitFor({ timeout: 30_000 });
      await p.getByRole('textbox', { name: 'PFX password' }).fill('Export-Pass-42');
      const folder = mkdtempSync(join(out, 'cert-'));
      host.dialogs.folderQueue.push(folder);
      await p.getByRole('button', { name: 'Choose folder and export…' }).click();
      await p.getByTestId('certificate-state').and(p.locator('[data-state="held"]')).waitFor();
      // The admin uploads the exported .pem to the app registration.
      const pem = readdirSync(folder).find((f) => f.endsWith('.pem'));
      expect(pem).toBeTruthy();
      w.app.certificates?.push({ certPem: readFileSync(join(folder, pem!), 'utf8') });
    } else {
      await p.getByRole('textbox', { name: 'Client secret', exact: true }).fill(w.app.secretValue!);
      await p.getByRole('button', { name: 'Keep this secret' }).click();
      await p.getByTestId('client-secret-state').and(p.locator('[data-state="held"]')).waitFor();
      expect(await p.getByRole('textbox', { name: 'Client secret', exact: true }).inputValue()).toBe('');
      await p.getByLabel('Client secret expires on').fill(w.secretExpiry!);
    }
    await shoot(w, '3-credential');
    await next(4);

    // 4. Scopes: the option's minimum (plus the trigger set when asked for), and application permissions for app-only tests.
    if (w.option !== 'byo-app') {
      await p.getByRole('checkbox', { name: 'Files.Read', exact: true }).waitFor();
      await p.getByRole('switch', { name: /I also want app-only access/ }).click();
      await p.getByRole('checkbox', { name: /^Files\.Read\.All \(application/ }).check();
    } else {
      // Triggers were asked for: the Triggers checklist opens first, with what every trigger needs already chosen.
      await p.getByRole('checkbox', { name: 'offline_access', exact: true }).waitFor();
      expect(await p.getByRole('radio', { name: 'Triggers' }).isChecked()).toBe(true);
      expect(await p.getByRole('checkbox', { name: 'offline_access', exact: true }).isChecked()).toBe(true);
    }
    await shoot(w, '4-scopes');
    await next(5);

    // 5. Profile details, checked field by field, then saved as a connection profile.
    await field('Profile name').fill(w.name);
    if (w.option !== 'certificate') {
      await field(/^Client ID/).fill('not-a-guid');
      await p
        .getByText(/Client ID.*GUID|not a GUID|is a GUID/i)
        .first()
        .waitFor();
      await field(/^Client ID/).fill(w.app.clientId);
      await field(/^Tenant ID/).fill(idp.s.tenantId);
    }
    if (w.option === 'certificate') await field(/^Account UPN/).fill(idp.s.user.upn);
    await shoot(w, '5-details');
    await next(6);
    const wizardFile = readFileSync(join(host.dataDirectory, 'wizard.json'), 'utf8');
    const profileId = (JSON.parse(wizardFile) as { state: { profileId: string } }).state.profileId;
    expect(profileId).toBeTruthy();
    const entry = host.ctx.profiles.get(profileId);
    expect(entry.name).toBe(w.name);
    expect(entry.auth).toBe(w.option);
    expect(Object.values(entry.secrets).every((s) => s === 'stored')).toBe(true);

    // 6. Verify (optional): the certificate walk checks the downloaded manifest; the others skip it.
    if (w.option === 'certificate') {
      const manifest = manifestFor(w, w.app.certificates![0]!.certPem);
      await p
        .locator('[data-testid="wizard-manifest-drop"] input[type="file"]')
        .setInputFiles({ name: 'robot-manifest.json', mimeType: 'application/json', buffer: Buffer.from(manifest) });
      await p.getByTestId('wizard-manifest-chosen').waitFor();
      await p.getByRole('button', { name: 'Verify manifest' }).click();
      await p.getByTestId('verify-results').waitFor();
    }
    await shoot(w, '6-verify');
    await next(7);

    // 7. The sign-in test against the emulator: the shell double gets the authorize URL and the HTTP browser completes it.
    await p.getByRole('button', { name: 'Sign in in the browser' }).waitFor();
    if (w.option === 'client-credentials') {
      await p.getByRole('button', { name: 'Grant admin consent in the browser' }).click();
      const visit = await visitAs(idp.s.admin);
      expect(visit.finalText).toMatch(/consent/i);
      await p
        .getByTestId('signin-result')
        .getByRole('heading', { name: 'Admin consent granted and verified' })
        .waitFor();
    } else {
      await p.getByRole('button', { name: 'Sign in in the browser' }).click();
      const visit = await visitAs(idp.s.user);
      expect(visit.finalText).toContain('Signed in');
      await p
        .getByTestId('signin-result')
        .getByRole('heading', { name: `Signed in as ${idp.s.user.upn}` })
        .waitFor();
      if (w.option === 'certificate') {
        await p.getByRole('button', { name: 'App-only test with the certificate' }).click();
        await p.getByTestId('signin-result').getByRole('heading', { name: 'App-only token received' }).waitFor();
      } else {
        await p.getByRole('button', { name: 'Copy admin consent link' }).click();
        await expect.poll(() => host.clipboard.text).toContain('/v2.0/adminconsent?client_id=');
      }
    }
    await p
      .getByTestId('test-step-status')
      .getByText(/^The last test passed/)
      .waitFor();
    await p.locator('[data-step="test"][data-state="done"]').waitFor();
    await shoot(w, '7-test');
    await next(8);

    // Finish: the connection sheet and the record in three formats.
    await p.locator('[data-testid="wizard-step-finish"] [data-field="clientId"]').getByText(w.app.clientId).waitFor();
    await p.getByTestId('record-summary').waitFor();
    const base = join(out, w.option);
    const files = { md: `${base}.md`, html: `${base}.html`, pdf: `${base}.pdf` };
    for (const [format, label] of [
      ['md', 'Markdown'],
      ['html', 'HTML'],
      ['pdf', 'PDF'],
    ] as const) {
      host.dialogs.saveQueue.push(files[format]);
      await p.getByRole('button', { name: `Export the connection record (${label})` }).click();
      await p
        .getByTestId('record-status')
        .getByText(`Saved the connection record (${label}) to ${files[format]}.`)
        .waitFor();
    }
    await shoot(w, '8-finish');
    // Each step says what happened: step 2 had one item ticked, so it is not Done; an unverified walk says so at Finish.
    const states = await p
      .locator('[data-step]')
      .evaluateAll((lis) =>
        Object.fromEntries(lis.map((li) => [li.getAttribute('data-step'), li.getAttribute('data-state')])),
      );
    const verified = host.ctx.verifications.get(profileId);
    expect(states).toMatchObject({
      decide: 'done',
      register: 'attention',
      credential: 'done',
      scopes: 'done',
      details: 'done',
      test: 'done',
      verify: verified ? (verified.counts.error > 0 ? 'attention' : 'done') : 'skipped',
    });
    if (!verified) {
      const proof = p.getByTestId('finish-proof');
      await proof
        .locator('[data-unproven="not-verified"]')
        .getByRole('button', { name: 'Verify the manifest' })
        .waitFor();
      expect(states.finish).toBe('attention');
    }
    return { profileId, files };
  }

  /** Every value a record must never hold: the profile's secrets, the PFX, its password and the tokens of its tests. */
  function secretsOf(profileId: string, w: Walk): string[] {
    const values: string[] = [];
    for (const name of ['clientSecret', 'pfx', 'pfxPassword'] as const) {
      try {
        values.push(host.ctx.profiles.readSecret(profileId, name));
      } catch {
        // This option does not use that secret.
      }
    }
    if (w.app.secretValue) values.push(w.app.secretValue);
    const cacheId = `profile/${profileId}/tokenCache`;
    if (host.ctx.secrets.has(cacheId)) {
      const cache = JSON.parse(host.ctx.secrets.get(cacheId)) as Record<string, Record<string, { secret?: string }>>;
      for (const group of ['AccessToken', 'RefreshToken', 'IdToken'])
        for (const t of Object.values(cache[group] ?? {})) if (t.secret) values.push(t.secret);
    }
    return values.filter((v) => v.length >= 8);
  }

  function checkRecord(w: Walk, profileId: string, files: Record<'md' | 'html' | 'pdf', string>) {
    const record = host.ctx.profiles.get(profileId);
    const history = host.ctx.signin.history(profileId);
    const md = readFileSync(files.md, 'utf8');
    const html = readFileSync(files.html, 'utf8');
    const pdf = readFileSync(files.pdf);
    for (const f of Object.values(files)) expect(statSync(f).mode & 0o777).toBe(0o600);

    const mustHold = [
      w.name,
      w.label,
      w.app.clientId,
      idp.s.tenantId,
      'Office 365 (global)',
      'sign-in https://login.microsoftonline.com',
      'Consent status',
      'Last successful test',
    ];
    const profile = record.profile!;
    if (profile.auth === 'certificate') {
      const c = profile.certificate!;
      mustHold.push(
        c.thumbprintSha1,
        c.thumbprintSha256,
        c.notAfter.slice(0, 10),
        'Certificate thumbprint (SHA-1)',
        'Certificate thumbprint (SHA-256)',
        'Certificate expires',
        idp.s.user.upn,
      );
    } else {
      mustHold.push(`Client secret expires | ${w.secretExpiry}`);
    }
    if (profile.auth === 'byo-app') mustHold.push('https://cloud.example.com/provisioning_/callback');
    // The Markdown escapes an underscore that could end emphasis (src/core/markdown.ts); the HTML holds the text as is.
    const inMarkdown = (text: string) => text.replace('provisioning_/', 'provisioning\\_/');
    for (const scope of profile.scopes) mustHold.push(`| ${scope} | Delegated |`);
    for (const scope of profile.appOnlyPermissions) mustHold.push(`| ${scope} | Application | Yes | Granted |`);
    const lastOk = history.find((e) => e.ok)!;
    mustHold.push(lastOk.at.slice(0, 16).replace('T', ' '));
    const verification = host.ctx.verifications.get(profileId);
    if (w.option === 'certificate') {
      expect(verification?.openFindings.length).toBeGreaterThan(0);
      for (const f of verification!.openFindings) mustHold.push(f.code);
      expect(md).toContain('### Open findings');
    } else {
      expect(verification).toBeNull();
      mustHold.push(
        'None: the app registration’s manifest has not been verified against this profile.',
        'Not proven yet',
        'The app registration was not verified: no manifest check was run against this profile.',
      );
    }
    for (const text of mustHold) expect(md, `Markdown holds ${text}`).toContain(inMarkdown(text));
    for (const text of mustHold.filter((t) => !t.includes('|')))
      expect(html, `HTML holds ${text}`).toContain(text.replace(/&/g, '&amp;').replace(/'/g, '&#39;'));
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/<script/i);
    expect(md).toMatch(/Consent status:\*\* Granted/);

    const secrets = secretsOf(profileId, w);
    expect(secrets.length).toBeGreaterThan(0);
    for (const s of secrets) {
      expect(md).not.toContain(s);
      expect(html).not.toContain(s);
    }
    expect(md).not.toMatch(JWT);
    expect(html).not.toMatch(JWT);

    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(2000);
    pdfs.push({ w, pdf: files.pdf, secrets });
  }

  it('walks the wizard for a client certificate: generate, register, verify, sign in and app-only, record', async () => {
    const w = walks[0]!;
    const { profileId, files } = await walk(w);
    checkRecord(w, profileId, files);
  });

  it('walks the wizard for client credentials: the secret held in main, admin consent verified, record', async () => {
    const w = walks[1]!;
    // Start over asks first, then forgets the previous walk's answers (its profile stays in Connections).
    await h.open('#/wizard');
    await page().getByRole('button', { name: 'Start over' }).click();
    await page()
      .getByRole('dialog', { name: 'Start over?' })
      .getByText(/stays in Connections/)
      .waitFor();
    await page().getByRole('dialog').getByRole('button', { name: 'Start over' }).click();
    await stepHeading(1);
    expect(await page().getByRole('radio', { name: 'A service account, unattended' }).isChecked()).toBe(false);
    const { profileId, files } = await walk(w);
    checkRecord(w, profileId, files);
  });

  it('walks the wizard for a bring-your-own app: domain and redirect URI, triggers, delegated sign-in, record', async () => {
    const w = walks[2]!;
    host.ctx.wizard.reset();
    const { profileId, files } = await walk(w);
    checkRecord(w, profileId, files);
    expect(printer.printed).toBe(3);
  });

  it.skipIf(noPdftotext !== null)(
    'each PDF record holds the connection’s facts and none of its secrets (its text read with pdftotext)',
    () => {
      expect(pdfs.map((r) => r.w.option)).toEqual(['certificate', 'client-credentials', 'byo-app']);
      for (const { w, pdf, secrets } of pdfs) {
        const text = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
        for (const t of [w.name, w.app.clientId, 'Connection record', 'Consent status'])
          expect(text, `PDF holds ${t}`).toContain(t);
        for (const s of secrets) expect(text).not.toContain(s);
      }
    },
  );

  it('can be left and resumed: a reload mid-wizard keeps every answer and field, and the wizard file holds no secret', async () => {
    const p = page();
    host.ctx.wizard.reset();
    await h.open('#/wizard');
    await stepHeading(1);
    await p.getByRole('radio', { name: 'People, each with their own account, in the browser' }).click();
    await p.getByRole('radio', { name: 'No, only actions' }).click();
    await next(2);
    await field(/Your domain/).fill('automation.contoso.com');
    await next(3);
    const typed = `Lv8~${randomUUID().replace(/-/g, '')}`;
    await p.getByRole('textbox', { name: 'Client secret', exact: true }).fill(typed);
    // Leaving the field hands the secret to main (no button pressed).
    await p.getByLabel('Client secret expires on').click();
    await p.getByTestId('client-secret-state').and(p.locator('[data-state="held"]')).waitFor();
    await p.getByLabel('Client secret expires on').fill('2026-12-31');
    // By keyboard: Next moves focus to the new step's heading, so a screen reader announces where it is.
    await p.getByRole('button', { name: /^Next/ }).focus();
    await p.keyboard.press('Enter');
    await stepHeading(4);
    await expect.poll(() => p.evaluate(() => document.activeElement?.id)).toBe('wizard-step-title');
    await next(5);
    await field('Profile name').fill('Half-done connection');
    await field(/^Client ID/).fill('11111111-2222-3333-4444-555555555555');
    await field('Notes (optional)').fill('Owner: the automation team');
    await p.locator('[data-saving="saved"]').waitFor();

    await p.reload();
    await p.locator('[data-app-state="loaded"]').waitFor();
    await stepHeading(5);
    expect(await field('Profile name').inputValue()).toBe('Half-done connection');
    expect(await field(/^Client ID/).inputValue()).toBe('11111111-2222-3333-4444-555555555555');
    expect(await field('Notes (optional)').inputValue()).toBe('Owner: the automation team');
    expect(await field(/Your domain/).inputValue()).toBe('automation.contoso.com');
    await p.getByRole('button', { name: /^3\. Certificate or secret/ }).click();
    await stepHeading(3);
    await p.getByTestId('client-secret-state').and(p.locator('[data-state="held"]')).waitFor();
    expect(await p.getByLabel('Client secret expires on').inputValue()).toBe('2026-12-31');
    expect(await p.locator('[data-step="register"]').getAttribute('data-state')).toBe('attention');
    await h.screenshot('wizard-resumed');
    expect(await h.seriousAxeViolations()).toEqual([]);

    // Typed a moment before a reload (before the wizard's own save was due): still there afterwards.
    await p.getByRole('button', { name: /^5\. / }).click();
    await stepHeading(5);
    await field('Notes (optional)').fill('Owner: the automation team, on call: Robin');
    await p.reload();
    await p.locator('[data-app-state="loaded"]').waitFor();
    await stepHeading(5);
    expect(await field('Notes (optional)').inputValue()).toBe('Owner: the automation team, on call: Robin');

    const onDisk = readFileSync(join(host.dataDirectory, 'wizard.json'), 'utf8');
    expect(onDisk).toContain('automation.contoso.com');
    expect(onDisk).not.toContain(typed);
    expect(existsSync(join(host.dataDirectory, 'wizard.json.bak'))).toBe(true);
    expect(readFileSync(join(host.dataDirectory, 'wizard.json.bak'), 'utf8')).not.toContain(typed);
    // Nothing the renderer saved carried the secret either.
    const saves = h.calls.filter((c) => c.method === 'wizard.save');
    expect(saves.length).toBeGreaterThan(0);
    expect(JSON.stringify(saves.map((c) => c.input))).not.toContain(typed);
  });

  it('the Start page and the Connections list lead to the wizard; Help finds AADSTS codes by number and words', async () => {
    const p = page();
    await h.open('#/start');
    await p.getByRole('main').getByRole('button', { name: 'New connection' }).first().click();
    await p.getByRole('heading', { name: 'New connection', level: 1 }).waitFor();
    await h.open('#/connections');
    await p.getByRole('main').getByRole('button', { name: 'New connection' }).first().click();
    await p.getByRole('button', { name: /Guided setup/ }).click();
    await p.getByRole('heading', { name: 'New connection', level: 1 }).waitFor();

    await h.open('#/help?code=7000215');
    const list = p.getByRole('list', { name: 'AADSTS codes' });
    const entry = list.locator('[data-code="7000215"]');
    await entry.getByRole('heading', { name: 'AADSTS7000215 — InvalidClientSecret' }).waitFor();
    expect(await entry.locator('[data-part="fix"]').textContent()).toBe(`Fix: ${lookupAadsts(7000215)?.fix}`);
    expect(await entry.locator('[data-part="meaning"]').textContent()).toBe(
      `Meaning: ${lookupAadsts(7000215)?.meaning}`,
    );
    expect(await list.getByRole('listitem').count()).toBe(1);
    await p.getByRole('searchbox', { name: 'Search by code or words' }).fill('redirect');
    await list.locator('[data-code="50011"]').waitFor();
    await p.getByText(/codes? match “redirect”/).waitFor();
    await p.getByRole('heading', { name: 'How the three options differ' }).waitFor();
    await h.screenshot('help');
    expect(await h.seriousAxeViolations()).toEqual([]);
  });
});
