// Issue 13.1: the Certificates page's Cancel (certificates.cancelOpen) and quit (dispose) stop a PFX that is opening.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shutdownCertificateWorkers } from '../../../../src/core/certificates';
import { pendingChains, prewarmCertificateWorkers } from '../../../../src/core/certificates/pkcs12/hash-pool';
import { testCertificate } from '../../../fixtures/pkcs12/test-certificates';
import { eightByTenMillion, slowMacOnly } from '../../../fixtures/pkcs12/work-bombs';
import { openContractHost, type ContractHost } from './contract-host';

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

describe('stopping a PFX that is opening', () => {
  let host: ContractHost;
  let slow: Buffer;

  beforeAll(async () => {
    host = openContractHost();
    slow = await slowMacOnly(10_000_000, (await testCertificate('ec-p256', 'Cancel Test')).der);
    prewarmCertificateWorkers();
  });

  afterAll(async () => {
    await host.ctx.dispose();
    await shutdownCertificateWorkers();
  });

  const inspect = (bytes: Uint8Array) =>
    host.call('certificates.inspect', {
      fileName: 'slow.pfx',
      bytesBase64: b64(bytes),
      password: 'some password',
      tryEmptyAndAbsent: true,
    });

  it('Cancel stops it with pfx.cancelled, the key-derivation worker stops, and nothing is held', async () => {
    const opening = inspect(slow);
    await expect.poll(() => pendingChains()).toBeGreaterThan(0);
    expect(await host.ok('certificates.cancelOpen', {})).toEqual({ cancelled: 1 });
    const result = await opening;
    expect(result.ok ? null : result.error).toMatchObject({ code: 'pfx.cancelled' });
    expect(pendingChains()).toBe(0);
    expect(host.ctx.certificates.size).toBe(0);
    // Nothing left to cancel.
    expect(await host.ok('certificates.cancelOpen', {})).toEqual({ cancelled: 0 });
  });

  it('a work bomb through the contract: pfx.over_budget, with what the file asks for', async () => {
    const result = await inspect(await eightByTenMillion());
    expect(result.ok ? null : result.error).toMatchObject({
      code: 'pfx.over_budget',
      message: expect.stringContaining('8 parts × 10,000,000 iterations'),
    });
  });

  it('quitting (dispose) stops an open in progress', async () => {
    const other = openContractHost();
    const opening = other.call('certificates.inspect', {
      fileName: 'slow.pfx',
      bytesBase64: b64(slow),
      password: 'some password',
      tryEmptyAndAbsent: true,
    });
    await expect.poll(() => pendingChains()).toBeGreaterThan(0);
    await other.ctx.dispose();
    const result = await opening;
    expect(result.ok ? null : result.error).toMatchObject({ code: 'pfx.cancelled' });
    expect(pendingChains()).toBe(0);
  });
});
