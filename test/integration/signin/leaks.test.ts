// 100 sign-ins in a row must leave no sockets, servers or timers behind.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { signInInteractive } from '../../../src/core/signin/interactive-signin';
import { startSigninHarness, type SigninHarness } from '../../support/idp';

let h: SigninHarness;
beforeAll(async () => {
  h = await startSigninHarness();
});
afterAll(async () => h.close());

function resources(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of process.getActiveResourcesInfo()) counts[r] = (counts[r] ?? 0) + 1;
  return counts;
}

const settle = () => new Promise((r) => setTimeout(r, 300));

it('100 interactive sign-ins leak no sockets or timers', async () => {
  const net = h.net();
  const browser = h.browser();
  const run = async () => {
    await signInInteractive({
      ...h.endpoint(h.s.webApp.clientId, net),
      credential: { kind: 'secret', secret: h.s.webApp.secretValue },
      openBrowser: browser.open,
      requiredPermissions: ['User.Read'],
    });
    await browser.last();
  };
  await run(); // warm-up: module-level timers and agents
  await settle();
  const before = resources();
  const handlesBefore = (process as unknown as { _getActiveHandles(): unknown[] })._getActiveHandles().length;
  for (let i = 0; i < 100; i += 1) await run();
  await settle();
  const after = resources();
  const handlesAfter = (process as unknown as { _getActiveHandles(): unknown[] })._getActiveHandles().length;
  for (const kind of ['TCPSocketWrap', 'TCPServerWrap', 'Timeout'])
    expect(after[kind] ?? 0, kind).toBeLessThanOrEqual(before[kind] ?? 0);
  expect(handlesAfter).toBeLessThanOrEqual(handlesBefore);
  expect(net.log.length).toBeLessThanOrEqual(100);
  // Closing the keep-alive pools leaves nothing at all.
  net.close();
  browser.close();
  await settle();
  expect(resources().TCPSocketWrap ?? 0).toBeLessThanOrEqual(Math.max(0, (before.TCPSocketWrap ?? 0) - 1));
}, 60_000);
