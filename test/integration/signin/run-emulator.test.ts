import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { expect, it } from 'vitest';
import { testAppOnly } from '../../../src/core/signin/app-only';
import { SigninNetworkClient } from '../../../src/core/signin/network-client';

it('the emulator runs as its own process for CLI and end-to-end tests', async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/idp/run-emulator.ts'], {
    cwd: process.cwd(),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const line = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout }).once('line', resolve);
      child.once('exit', (code) => reject(new Error(`emulator exited with ${code}`)));
    });
    const info = JSON.parse(line) as {
      host: string;
      caFile: string;
      tenantId: string;
      webApp: { clientId: string; secret: string };
    };
    const net = new SigninNetworkClient({ extraCaPem: readFileSync(info.caFile, 'utf8') });
    const r = await testAppOnly({
      loginHost: info.host,
      graphHost: info.host,
      tenant: info.tenantId,
      clientId: info.webApp.clientId,
      networkClient: net,
      credential: { kind: 'secret', secret: info.webApp.secret },
    });
    expect(r.claims?.roles).toEqual(['Sites.Read.All']);
    net.close();
  } finally {
    child.kill('SIGTERM');
  }
}, 30_000);
