// The sign-in settings' root-CA choices reach the one network client: choosing the OS store rebuilds it.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SigninNetwork } from '../../../../../src/core/signin/service/signin-network';
import { SigninStore } from '../../../../../src/core/signin/service/signin-store';
import { confBackendFactory } from '../../../../../src/core/storage/conf-backend';

describe('SigninNetwork and the OS certificate store', () => {
  it('builds its client with the OS store only when the setting says so, and rebuilds it when the setting changes', () => {
    const directory = mkdtempSync(join(tmpdir(), 'gcw-signin-net-'));
    const network = new SigninNetwork(new SigninStore({ directory, backend: confBackendFactory(directory) }));
    const first = network.client();
    expect(first.trustsSystemCa).toBe(false);
    expect(network.setPreferences({ useSystemCa: true })).toMatchObject({ useSystemCa: true });
    const second = network.client();
    expect(second).not.toBe(first);
    expect(second.trustsSystemCa).toBe(true);
    network.setPreferences({ useSystemCa: false });
    expect(network.client().trustsSystemCa).toBe(false);
    network.close();
  });
});
