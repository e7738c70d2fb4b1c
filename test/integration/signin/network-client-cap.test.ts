// The sign-in network client's default answer cap: without a maxResponseBytes option, a body of exactly 1 MiB is
// read and one byte more is refused as too_large (a hostile or broken server cannot fill memory).
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SigninNetworkClient } from '../../../src/core/signin/network-client';
import { createTestPki } from '../../support/idp';

const MiB = 1024 * 1024;
const pki = createTestPki();
let server: Server;
let origin: string;

/** A JSON string of exactly `size` bytes, quotes included. */
const jsonOfSize = (size: number) => `"${'x'.repeat(size - 2)}"`;

beforeAll(async () => {
  server = createServer({ key: pki.server.privateKeyPem, cert: pki.server.certPem }, (req, res) => {
    const size = Number(/^\/size\/(\d+)$/.exec(req.url ?? '')?.[1] ?? 0);
    res.writeHead(200, { 'content-type': 'application/json' }).end(jsonOfSize(size));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

describe('sign-in network client, default answer cap', () => {
  it('reads an answer of exactly 1 MiB', async () => {
    const net = new SigninNetworkClient({ extraCaPem: pki.caPem });
    const res = await net.sendGetRequestAsync<string>(`${origin}/size/${MiB}`);
    expect(res.body.length).toBe(MiB - 2);
    net.close();
  });

  it('refuses one byte more as too_large, naming the limit', async () => {
    const net = new SigninNetworkClient({ extraCaPem: pki.caPem });
    await expect(net.sendGetRequestAsync(`${origin}/size/${MiB + 1}`)).rejects.toThrow(`sent more than ${MiB} bytes`);
    expect(net.lastProblem()?.failure?.kind).toBe('too_large');
    net.close();
  });
});
