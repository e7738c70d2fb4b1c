import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caBundle, SigninNetworkClient } from '../../../src/core/signin/network-client';
import { createTestPki } from '../../support/idp';

const pki = createTestPki();
let server: Server;
let origin: string;
const seen: Array<{ url: string; body: string }> = [];

beforeAll(async () => {
  server = createServer({ key: pki.server.privateKeyPem, cert: pki.server.certPem }, (req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      seen.push({ url: req.url ?? '', body });
      const url = req.url ?? '';
      if (url.startsWith('/hang')) return; // never answers
      if (url.startsWith('/html')) res.writeHead(200, { 'content-type': 'text/html' }).end('<html>proxy login</html>');
      else if (url.startsWith('/big')) res.writeHead(200).end(`"${'x'.repeat(5000)}"`);
      else if (url.startsWith('/error')) {
        res.writeHead(400, { 'content-type': 'application/json' }).end(
          JSON.stringify({
            error: 'invalid_tenant',
            error_description: 'AADSTS90002: Tenant not found.',
            error_codes: [90002],
          }),
        );
      } else
        res
          .writeHead(200, { 'content-type': 'application/json', 'X-Ms-Request-Id': 'r1' })
          .end(JSON.stringify({ ok: true, path: url }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

describe('sign-in network client', () => {
  it('trusts an extra CA, parses JSON, lower-cases headers and logs no query, body or headers', async () => {
    const net = new SigninNetworkClient({ extraCaPem: pki.caPem });
    const res = await net.sendPostRequestAsync<{ ok: boolean }>(`${origin}/t/oauth2/v2.0/token?x=1`, {
      body: 'client_secret=hunter2-secret&grant_type=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: 'Bearer eyJsecret' },
    });
    expect(res.status).toBe(200);
    expect(res.body.ok).toBe(true);
    expect(res.headers['x-ms-request-id']).toBe('r1');
    expect(seen.at(-1)?.body).toContain('grant_type=x');
    expect(net.log).toEqual([
      {
        method: 'POST',
        url: `${origin}/t/oauth2/v2.0/token`,
        status: 200,
        durationMs: expect.any(Number),
        aadsts: null,
        failure: null,
      },
    ]);
    expect(JSON.stringify(net.log)).not.toMatch(/hunter2|eyJ|x=1/);
    net.close();
  });

  it('without the CA the TLS failure is classified as such', async () => {
    const net = new SigninNetworkClient();
    await expect(net.sendGetRequestAsync(`${origin}/ok`)).rejects.toThrow();
    expect(net.lastProblem()?.failure?.kind).toBe('tls');
  });

  it('keeps the default CAs and adds the extra ones', () => {
    expect(caBundle([])).toBeUndefined();
    const bundle = caBundle([pki.caPem]) ?? [];
    expect(bundle.at(-1)).toBe(pki.caPem);
    expect(bundle.length).toBe(tls.getCACertificates('default').length + 1);
  });

  it('puts a time limit on POSTs (msal’s default fetch has none)', async () => {
    const net = new SigninNetworkClient({ extraCaPem: pki.caPem, timeoutMs: 200 });
    const started = Date.now();
    await expect(net.sendPostRequestAsync(`${origin}/hang`, { body: 'a=b' })).rejects.toThrow(/did not answer/);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(net.lastProblem()?.failure?.kind).toBe('timeout');
  });

  it('rewrites production origins for tests and can forbid every other host', async () => {
    const net = new SigninNetworkClient({
      extraCaPem: pki.caPem,
      rewrite: { 'https://login.microsoftonline.com': origin },
      allowedHosts: [new URL(origin).host],
    });
    const res = await net.sendGetRequestAsync<{ path: string }>(
      'https://login.microsoftonline.com/common/discovery/instance?api-version=1.1',
    );
    expect(res.body.path).toBe('/common/discovery/instance?api-version=1.1');
    expect(net.log.at(-1)?.url).toBe('https://login.microsoftonline.com/common/discovery/instance');
    await expect(net.sendGetRequestAsync('https://graph.microsoft.com/v1.0/me')).rejects.toThrow(/not allowed/);
    expect(net.lastProblem()?.failure?.kind).toBe('blocked');
  });

  it('classifies non-JSON and oversized answers, and keeps the AADSTS number of error bodies', async () => {
    const net = new SigninNetworkClient({ extraCaPem: pki.caPem, maxResponseBytes: 1000 });
    await expect(net.sendGetRequestAsync(`${origin}/html`)).rejects.toThrow(/not JSON/);
    expect(net.lastProblem()?.failure?.kind).toBe('not_json');
    await expect(net.sendGetRequestAsync(`${origin}/big`)).rejects.toThrow();
    expect(net.lastProblem()?.failure?.kind).toBe('too_large');
    const res = await net.sendGetRequestAsync(`${origin}/error`);
    expect(res.status).toBe(400);
    expect(net.lastProblem()?.aadsts).toBe(90002);
  });

  it('a long-lived client keeps mark() positions valid after the log drops old entries', async () => {
    const net = new SigninNetworkClient({ extraCaPem: pki.caPem });
    for (let i = 0; i < 105; i += 1) await net.sendGetRequestAsync(`${origin}/ok`);
    expect(net.log.length).toBe(100);
    const start = net.mark();
    expect(start).toBe(105);
    expect(net.lastProblem(start)).toBeNull();
    await net.sendGetRequestAsync(`${origin}/error`);
    expect(net.lastProblem(start)?.aadsts).toBe(90002);
    expect(net.since(start).map((e) => e.status)).toEqual([400]);
    net.close();
  });

  it('honours NODE_EXTRA_CA_CERTS (read by Node at start-up) with and without extra CAs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gcw-ca-'));
    const caFile = join(dir, 'ca.pem');
    writeFileSync(caFile, pki.caPem);
    const other = createTestPki().caPem;
    const script = join(dir, 'probe.mts');
    writeFileSync(
      script,
      `import { SigninNetworkClient } from ${JSON.stringify(join(process.cwd(), 'src/core/signin/network-client.ts'))};
const out: string[] = [];
for (const net of [new SigninNetworkClient(), new SigninNetworkClient({ extraCaPem: ${JSON.stringify(other)} })]) {
  try { out.push(String((await net.sendGetRequestAsync(${JSON.stringify(`${origin}/ok`)})).status)); } catch (e) { out.push(String(net.lastProblem()?.failure?.kind)); }
  net.close();
}
console.log(out.join(','));`,
    );
    const run = (env: NodeJS.ProcessEnv) =>
      new Promise<string>((resolve, reject) =>
        execFile(
          process.execPath,
          ['--import', 'tsx', script],
          { env: { ...process.env, ...env }, cwd: process.cwd(), timeout: 30_000 },
          // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- err is an ExecFileException (an Error; its Omit<> type hides that from the rule)
          (err, stdout) => (err ? reject(err) : resolve(stdout.trim())),
        ),
      );
    expect(await run({ NODE_EXTRA_CA_CERTS: caFile })).toBe('200,200');
    expect(await run({ NODE_EXTRA_CA_CERTS: '' })).toBe('tls,tls');
  }, 60_000);

  it("trusts the operating system's certificate store only when asked (a CA deployed there, as a proxy's root CA is)", async () => {
    // On Linux Node reads the OS store from OpenSSL's default file and folder, which SSL_CERT_FILE and SSL_CERT_DIR replace.
    const dir = mkdtempSync(join(tmpdir(), 'gcw-os-store-'));
    const store = join(dir, 'store.pem');
    writeFileSync(store, pki.caPem);
    mkdirSync(join(dir, 'certs'));
    const script = join(dir, 'probe.mts');
    writeFileSync(
      script,
      `import { SigninNetworkClient } from ${JSON.stringify(join(process.cwd(), 'src/core/signin/network-client.ts'))};
const out: string[] = [];
for (const net of [new SigninNetworkClient(), new SigninNetworkClient({ systemCa: true }), new SigninNetworkClient({ systemCa: true, extraCaPem: ${JSON.stringify(createTestPki().caPem)} })]) {
  try { out.push(String((await net.sendGetRequestAsync(${JSON.stringify(`${origin}/ok`)})).status)); } catch (e) { out.push(String(net.lastProblem()?.failure?.kind)); }
  net.close();
}
console.log(out.join(','));`,
    );
    const out = await new Promise<string>((resolve, reject) =>
      execFile(
        process.execPath,
        ['--import', 'tsx', script],
        {
          env: { ...process.env, NODE_EXTRA_CA_CERTS: '', SSL_CERT_FILE: store, SSL_CERT_DIR: join(dir, 'certs') },
          cwd: process.cwd(),
          timeout: 30_000,
        },
        // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- err is an ExecFileException (an Error; its Omit<> type hides that from the rule)
        (err, stdout) => (err ? reject(err) : resolve(stdout.trim())),
      ),
    );
    expect(out).toBe('tls,200,200');
  }, 60_000);
});
