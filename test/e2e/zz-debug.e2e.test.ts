import { afterAll, beforeAll, describe, it } from 'vitest';
import { createTestHost } from '../support/test-context';
import { closeBrowser, startHarness, type Harness } from './support/harness';

describe('debug', () => {
  let h: Harness;
  beforeAll(async () => {
    const host = createTestHost();
    host.ctx.profiles.create({ auth: 'client-credentials', name: 'Alpha', clientId: '6b8c1a2e-3f4d-4e5a-9b7c-1d2e3f4a5b6c', tenant: 'contoso.onmicrosoft.com', secrets: { clientSecret: 'Zq8~kP3.xY7_abcDEF-secretValue123~XYZ' } });
    h = await startHarness({ host });
  });
  afterAll(async () => {
    await h?.close();
    await closeBrowser();
  });
  it('dumps', async () => {
    h.page.on('console', (m) => console.log('PAGE', m.text()));
    await h.open('#/connections');
    const info = () => h.page.evaluate(() => {
      const a = document.activeElement as HTMLElement | null;
      const root = document.getElementById('root');
      return { active: a ? `${a.tagName}#${a.id}.${a.className}`.slice(0, 120) : null, root: root ? [...root.attributes].map((x) => `${x.name}=${x.value}`) : null, body: [...document.body.children].map((c) => `${c.tagName}#${c.id}[${c.getAttribute('aria-hidden')}][inert=${c.hasAttribute('inert')}]`) };
    });
    await h.page.getByRole('button', { name: 'Import…' }).click();
    await h.page.getByRole('dialog').waitFor();
    console.log('open', await info());
    await h.page.keyboard.press('Escape');
    for (const t of [0, 50, 200, 600]) { await h.page.waitForTimeout(t); console.log('after', t, JSON.stringify(await info())); }
    await h.page.getByRole('button', { name: 'Alpha: open the connection sheet' }).click();
    for (const t of [0, 100, 400, 1500]) { await h.page.waitForTimeout(t); console.log('drawer', t, JSON.stringify(await info()), JSON.stringify(await h.seriousAxeViolations())); }
  });
});
