// Every page at 1920×1080, 1280×800 and 900×700 in Chromium: nothing scrolls sideways, the navigation shows icons
// only below ~1100 px, the wizard's step list becomes a compact stepper there, dialogs keep their buttons on one line.
// A whole-page screenshot of each page at each size goes to test-results/screenshots/layout-<size>-<page>.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSelfSignedCertificate, writePkcs12 } from '../../src/core/certificates';
import { wizardInputSchema } from '../../src/shared/wizard-schema';
import { createTestHost, type TestHost } from '../support/test-context';
import { chromiumMissing, closeBrowser, startHarness, type Harness } from './support/harness';

const missing = chromiumMissing();
if (missing) console.warn(`Skipping end-to-end tests: ${missing}`);

const sizes = [
  { width: 1920, height: 1080 },
  { width: 1280, height: 800 },
  { width: 900, height: 700 },
] as const;
const CLIENT_ID = '6b8c1a2e-3f4d-4e5a-9b7c-1d2e3f4a5b6c';
const TENANT = 'contoso-with-a-long-name.onmicrosoft.com';
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

/** What scrolls sideways: the document, or any scroll container (main included) wider than its box. */
function sidewaysOverflow(): string[] {
  const out: string[] = [];
  const doc = document.scrollingElement ?? document.documentElement;
  if (doc.scrollWidth > doc.clientWidth + 1) out.push(`document (${doc.scrollWidth} > ${doc.clientWidth})`);
  for (const el of document.querySelectorAll<HTMLElement>('*')) {
    const x = getComputedStyle(el).overflowX;
    if ((x === 'auto' || x === 'scroll') && el.scrollWidth > el.clientWidth + 1) {
      out.push(
        `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${[...el.classList].slice(0, 2).join('.')} (${el.scrollWidth} > ${el.clientWidth})`,
      );
    }
  }
  return out;
}

describe.skipIf(missing !== null)('layouts at three window sizes', () => {
  let host: TestHost;
  let h: Harness;
  const ids: Record<'cert' | 'cc' | 'byo', string> = { cert: '', cc: '', byo: '' };

  beforeAll(async () => {
    host = createTestHost();
    const cert = await generateSelfSignedCertificate({ commonName: 'Contoso layout robot', keyAlgorithm: 'rsa-2048' });
    const pfx = await writePkcs12({
      certificate: cert.certificateDer,
      privateKey: cert.privateKey,
      password: 'Layout-Pass-1',
      profile: 'modern',
    });
    const facts = {
      thumbprintSha1: cert.details.thumbprintSha1,
      thumbprintSha256: cert.details.thumbprintSha256,
      subject: cert.details.subject,
      notAfter: cert.details.notAfter,
      fileName: 'robot.pfx',
    };
    ids.cert = host.ctx.profiles.create({
      auth: 'certificate',
      name: 'Contoso certificate robot for the finance share',
      clientId: CLIENT_ID,
      tenant: TENANT,
      upn: 'robot@contoso.com',
      certificate: facts,
      scopes: ['offline_access', 'User.Read', 'Files.Read'],
      appOnlyPermissions: ['Files.Read.All'],
      secrets: { pfx: pfx.toString('base64'), pfxPassword: 'Layout-Pass-1' },
    }).entry.id;
    ids.cc = host.ctx.profiles.create({
      auth: 'client-credentials',
      name: 'Contoso client credentials',
      clientId: CLIENT_ID,
      tenant: '0f1e2d3c-4b5a-4697-8877-665544332211',
      scopes: ['offline_access', 'Files.Read'],
      appOnlyPermissions: ['Sites.Read.All'],
      secretExpiresAt: inDays(12).slice(0, 10),
      secrets: { clientSecret: 'Zq8~kP3.xY7_abcDEF-secretValue123~XYZ' },
    }).entry.id;
    ids.byo = host.ctx.profiles.create({
      auth: 'byo-app',
      name: 'Contoso own app',
      clientId: CLIENT_ID,
      tenant: TENANT,
      domain: 'automation.cloud.example.com',
      scopes: ['openid', 'offline_access', 'User.Read', 'Files.Read'],
      secrets: { clientSecret: 'Ab1~byoSecretValue.456_uvwXYZ-987~qrs' },
    }).entry.id;
    // A test the certificate profile passed a while ago (the history main keeps): the dashboard and list show it.
    host.ctx.signin.store.record(ids.cert, {
      runId: 'layout-1',
      at: new Date().toISOString(),
      flow: 'client-credentials',
      client: 'certificate',
      ok: true,
      code: null,
      aadsts: null,
      summary: 'App-only token with the certificate.',
      user: null,
      granted: ['Files.Read.All'],
      missing: [],
      extra: [],
      durationMs: 420,
    });
    h = await startHarness({ host });
  });
  afterAll(async () => {
    await h?.close();
    await closeBrowser();
  });

  const wizardAt = (step: 'decide' | 'register' | 'finish') =>
    host.ctx.wizard.saveInput(
      wizardInputSchema.parse(
        step === 'decide'
          ? {}
          : {
              step,
              auth: 'byo-app',
              done: ['decide', 'register', 'credential', 'scopes', 'details'],
              profileId: step === 'finish' ? ids.byo : null,
              draft: {
                name: 'Contoso own app',
                domain: 'automation.cloud.example.com',
                clientId: CLIENT_ID,
                tenant: TENANT,
                scopes: 'openid offline_access User.Read Files.Read',
              },
            },
      ),
    );
  const pages: Array<{ name: string; path: () => string; ready: () => Promise<unknown>; before?: () => void }> = [
    { name: 'start', path: () => '#/start', ready: () => h.page.getByTestId('dashboard-connections').waitFor() },
    {
      name: 'wizard-1-decide',
      path: () => '#/wizard',
      before: () => wizardAt('decide'),
      ready: () => h.page.getByRole('heading', { name: /^Step 1 of 8/ }).waitFor(),
    },
    {
      name: 'wizard-2-register',
      path: () => '#/wizard',
      before: () => wizardAt('register'),
      ready: () => h.page.getByRole('list', { name: 'App registration checklist' }).waitFor(),
    },
    {
      name: 'wizard-8-finish',
      path: () => '#/wizard',
      before: () => wizardAt('finish'),
      ready: () => h.page.getByTestId('record-summary').waitFor(),
    },
    {
      name: 'connections',
      path: () => '#/connections',
      ready: () => h.page.getByRole('grid', { name: 'Connection profiles' }).waitFor(),
    },
    {
      name: 'connection-sheet',
      path: () => `#/connections?sheet=${ids.cert}`,
      ready: () => h.page.getByRole('dialog').getByTestId('record-summary').waitFor(),
    },
    {
      name: 'form-byo-app',
      path: () => `#/connections?edit=${ids.byo}`,
      ready: () => h.page.locator('form[data-checking="false"]').waitFor(),
    },
    {
      name: 'form-certificate',
      path: () => `#/connections?edit=${ids.cert}`,
      ready: () => h.page.locator('form[data-checking="false"]').waitFor(),
    },
    {
      name: 'signin',
      path: () => `#/signin?profile=${ids.cc}`,
      ready: () => h.page.getByRole('button', { name: 'App-only test with the client secret' }).waitFor(),
    },
    { name: 'scopes', path: () => '#/scopes', ready: () => h.page.getByTestId('scope-string').waitFor() },
    {
      name: 'certificates',
      path: () => '#/certificates',
      ready: () => h.page.getByRole('heading', { name: 'Certificates', level: 1 }).waitFor(),
    },
    {
      name: 'verify',
      path: () => '#/verify',
      ready: () => h.page.getByRole('heading', { name: 'Verify', level: 1 }).waitFor(),
    },
    {
      name: 'help',
      path: () => '#/help',
      ready: () => h.page.getByRole('heading', { name: 'How the three options differ' }).waitFor(),
    },
    {
      name: 'settings',
      path: () => '#/settings',
      ready: () => h.page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor(),
    },
    {
      name: 'about',
      path: () => '#/about',
      ready: () => h.page.getByRole('heading', { name: /About/, level: 1 }).waitFor(),
    },
  ];

  /** A screenshot of the whole page at this width: the window is made as tall as the page (or the open panel) for it. */
  const wholePage = async (file: string, size: { width: number; height: number }) => {
    const height = await h.page.evaluate(() => {
      const main = document.querySelector('main')?.scrollHeight ?? 0;
      const panel = document.querySelector('.fui-DrawerBody')?.scrollHeight ?? 0;
      return Math.max(main, panel + 120) + 16;
    });
    await h.page.setViewportSize({ width: size.width, height: Math.max(size.height, height) });
    await h.screenshot(file);
    await h.page.setViewportSize(size);
  };

  for (const size of sizes) {
    const label = `${size.width}x${size.height}`;
    it(`${label}: every page whole, nothing scrolls sideways, the navigation ${size.width < 1100 ? 'shows icons only' : 'shows its labels'}`, async () => {
      // open() loads each page in a fresh document at the harness's viewport.
      h.viewport = { ...size };
      const problems: string[] = [];
      for (const p of pages) {
        p.before?.();
        await h.open(p.path());
        expect(await h.page.evaluate(() => window.innerWidth)).toBe(size.width);
        await p.ready();
        // Let overlays finish their entrance before measuring.
        await h.page.waitForTimeout(300);
        for (const o of await h.page.evaluate(sidewaysOverflow)) problems.push(`${p.name}: ${o}`);
        await wholePage(`layout-${label}-${p.name}`, size);
      }
      expect(problems).toEqual([]);
      const nav = h.page.getByRole('navigation', { name: 'Pages' });
      expect(await h.page.locator('[data-layout]').getAttribute('data-layout')).toBe(
        size.width < 1100 ? 'narrow' : 'wide',
      );
      // Icons only or not, each navigation button is named after its page.
      expect(await nav.getByRole('button', { name: 'Connections' }).count()).toBe(1);
      expect(await nav.getByText('Connections', { exact: true }).count()).toBe(size.width < 1100 ? 0 : 1);
    });
  }

  it('900x700: the wizard shows a compact stepper, and dialogs keep their buttons on one line', async () => {
    h.viewport = { width: 900, height: 700 };
    wizardAt('register');
    await h.open('#/wizard');
    const steps = h.page.getByRole('navigation', { name: 'Wizard steps' });
    await steps.getByRole('button', { name: '2. Register the app — Needs attention (5)' }).waitFor();
    expect(await steps.locator('[data-step]').count()).toBe(8);
    const stepsBox = (await steps.boundingBox())!;
    expect(stepsBox.height).toBeLessThan(80);

    const oneLine = async (dialog: ReturnType<typeof h.page.getByRole>) => {
      await dialog.waitFor();
      await h.page.waitForTimeout(300);
      const tops = await dialog
        .locator('.fui-DialogActions button')
        .evaluateAll((buttons) => buttons.map((b) => Math.round(b.getBoundingClientRect().top)));
      expect(tops.length).toBeGreaterThan(1);
      expect(new Set(tops).size).toBe(1);
      expect(await h.page.evaluate(sidewaysOverflow)).toEqual([]);
    };
    await h.page.getByRole('button', { name: 'Start over' }).click();
    await oneLine(h.page.getByRole('dialog', { name: 'Start over?' }));
    await h.screenshot('layout-900x700-dialog-start-over');
    await h.page.keyboard.press('Escape');

    await h.open(`#/connections?edit=${ids.byo}`);
    await h.page.getByLabel(/^Notes/).fill('changed');
    await h.page.getByRole('navigation', { name: 'Pages' }).getByRole('button', { name: 'Scopes' }).click();
    await oneLine(h.page.getByRole('alertdialog', { name: 'Leave without saving?' }));
    await h.screenshot('layout-900x700-dialog-leave');
    await h.page.getByRole('button', { name: 'Leave and discard changes' }).click();

    await h.open('#/connections');
    await h.page.getByRole('button', { name: 'Import…' }).click();
    await oneLine(h.page.getByRole('dialog', { name: 'Import a connection profile' }));
    await h.page.keyboard.press('Escape');
  });
});
