import { it } from 'vitest';
import { startSigninHarness } from '../../support/idp';
import { seedEmulatorProfiles } from '../../support/signin-profiles';
import { createTestHost } from '../../support/test-context';
import { closeBrowser, startHarness } from '../support/harness';
it('debug', async () => {
  const idp = await startSigninHarness();
  const host = createTestHost({ signinNetwork: { extraCaPem: idp.pki.caPem } });
  const ids = await seedEmulatorProfiles(host.ctx.profiles, { host: idp.idp.host, tenantId: idp.s.tenantId }, { webClientId: idp.s.webApp.clientId, secret: idp.s.webApp.secretValue, certificate: idp.s.certificate, pfxPassword: 'x-Pass-1', upn: idp.s.user.upn });
  const h = await startHarness({ host });
  await h.open(`#/signin?profile=${ids.secret}`);
  await h.page.getByRole('button', { name: 'Sign in in the browser' }).click();
  await h.page.locator('[data-step="browser"]').waitFor();
  const out = await h.page.evaluate(() => [...document.querySelectorAll('i[aria-hidden]')].map((i) => `${i.outerHTML} PARENT ${i.parentElement?.outerHTML.slice(0, 300)}`));
  console.log(out.join('\n\n'));
  await h.close(); await closeBrowser(); await idp.close();
}, 60000);
