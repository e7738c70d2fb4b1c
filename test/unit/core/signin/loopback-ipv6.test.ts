// The redirect URI is http://localhost:<port>, and browsers resolve localhost to ::1 as well as 127.0.0.1 (Chromium
// tries ::1 first). The listener takes the port on every loopback address localhost reaches, so no other local program
// can listen on [::1]:<port>, receive the code and state, and settle the sign-in with a forged admin_consent=True.
import { EventEmitter } from 'node:events';
import { createServer, type Server } from 'node:net';
import { describe, expect, it } from 'vitest';
import { WorkbenchError } from '../../../../src/core/errors';
import { isLoopbackAddress, listenOnAll, localhostAddresses } from '../../../../src/core/signin/loopback-bind';
import { type LoopbackRefusal, startLoopbackListener } from '../../../../src/core/signin/loopback-listener';
import { httpSend, portIsFree } from '../../../support/idp/raw-http';

const state = 'expected-state-ipv6';

/** Try to listen where another local program would: the error code, or 'listening'. */
function squat(port: number, address: string): Promise<{ outcome: string; server: Server }> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', (e: NodeJS.ErrnoException) => resolve({ outcome: e.code ?? e.message, server }));
    server.listen(port, address, () => resolve({ outcome: 'listening', server }));
  });
}

const closeServer = (s: Server) => new Promise<void>((r) => (s.listening ? s.close(() => r()) : r()));

describe('loopback listener on IPv6', () => {
  it('holds [::1]:<port> as well as 127.0.0.1:<port>: another program cannot listen there', async () => {
    const l = await startLoopbackListener({ state });
    try {
      expect(l.addresses).toEqual(expect.arrayContaining(['127.0.0.1', '::1']));
      const attacker = await squat(l.port, '::1');
      await closeServer(attacker.server);
      expect(attacker.outcome).toBe('EADDRINUSE');
    } finally {
      await l.close();
    }
  });

  it('a forged admin_consent=True on [::1] gets the same checks (state, Host) and settles nothing; the real answer on [::1] is taken', async () => {
    const refusals: LoopbackRefusal[] = [];
    const l = await startLoopbackListener({ state, onRefused: (r) => refusals.push(r) });
    const forged = await httpSend(l.port, {
      address: '::1',
      path: '/?admin_consent=True&tenant=contoso&state=guessed',
    });
    expect(forged.status).toBe(400);
    const rebound = await httpSend(l.port, {
      address: '::1',
      path: `/?admin_consent=True&state=${state}`,
      headers: { host: `evil.example:${l.port}` },
    });
    expect(rebound.status).toBe(400);
    expect(refusals.map((r) => r.reason)).toEqual(['wrong_state', 'bad_host']);
    const real = await httpSend(l.port, {
      address: '::1',
      method: 'POST',
      body: new URLSearchParams({ code: 'real-code', state }).toString(),
    });
    expect(real.status).toBe(200);
    await expect(l.result).resolves.toEqual({ params: { code: 'real-code', state }, mode: 'form_post' });
    await l.close();
    expect(await portIsFree(l.port, '::1')).toBe(true);
    expect(await portIsFree(l.port)).toBe(true);
  });

  it('a program already on [::1] at the preferred port: another port is chosen where both addresses are free', async () => {
    const first = await squat(0, '::1');
    const taken = (first.server.address() as { port: number }).port;
    try {
      expect(await portIsFree(taken)).toBe(true);
      const l = await startLoopbackListener({ state, preferredPort: taken });
      expect(l.port).not.toBe(taken);
      const attacker = await squat(l.port, '::1');
      await closeServer(attacker.server);
      expect(attacker.outcome).toBe('EADDRINUSE');
      await l.close();
    } finally {
      await closeServer(first.server);
    }
  });

  it('closing frees the port on both addresses, also after a timeout', async () => {
    const l = await startLoopbackListener({ state, timeoutMs: 50 });
    await expect(l.result).rejects.toMatchObject({ code: 'signin.timeout' });
    await l.close();
    expect(await portIsFree(l.port, '::1')).toBe(true);
    expect(await portIsFree(l.port)).toBe(true);
  });
});

describe('which addresses and how they are bound', () => {
  it('localhost means 127.0.0.1 and ::1 plus loopback addresses the resolver gives, never another address', async () => {
    expect(
      await localhostAddresses(async () => ['127.0.0.1', '192.168.1.5', '::1', '127.0.1.1', 'fe80::1', '10.0.0.1']),
    ).toEqual(['127.0.0.1', '::1', '127.0.1.1']);
    expect(
      await localhostAddresses(async () => {
        throw new Error('no resolver');
      }),
    ).toEqual(['127.0.0.1', '::1']);
    expect(await localhostAddresses()).toEqual(expect.arrayContaining(['127.0.0.1', '::1']));
    for (const a of ['127.0.0.1', '127.255.0.9', '::1', '0:0:0:0:0:0:0:1', '::ffff:127.0.0.1'])
      expect(isLoopbackAddress(a), a).toBe(true);
    for (const a of ['0.0.0.0', '::', '192.0.2.2', 'fd00::2', 'localhost', '', '::2'])
      expect(isLoopbackAddress(a), a).toBe(false);
  });

  it('refuses a non-loopback address before listening', async () => {
    const err = await startLoopbackListener({ state, addresses: ['127.0.0.1', '0.0.0.0'] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WorkbenchError);
    expect(err).toMatchObject({ code: 'signin.invalid_input' });
  });

  /** A stand-in server whose listen() fails with the scripted codes for one address. */
  function fakeServers(failures: Record<string, string[]>) {
    const made: Array<{ host: string; port: number; closed: boolean }> = [];
    let nextPort = 41000;
    const make = () => {
      const emitter = new EventEmitter() as EventEmitter & {
        listen: (port: number, host: string) => void;
        address: () => { port: number };
        close: (cb: () => void) => void;
        listening: boolean;
      };
      let record: (typeof made)[number] | null = null;
      emitter.listen = (port, host) => {
        const code = failures[host]?.shift();
        queueMicrotask(() => {
          if (code) {
            emitter.emit('error', Object.assign(new Error(code), { code }));
            return;
          }
          record = { host, port: port || nextPort++, closed: false };
          made.push(record);
          emitter.emit('listening');
        });
      };
      emitter.address = () => ({ port: record?.port ?? 0 });
      emitter.close = (cb) => {
        if (record) record.closed = true;
        cb();
      };
      return emitter as unknown as Server;
    };
    return { make, made };
  }

  it('skips an address this computer does not have (IPv6 off: EAFNOSUPPORT, EADDRNOTAVAIL): nobody can listen there', async () => {
    for (const code of ['EAFNOSUPPORT', 'EADDRNOTAVAIL']) {
      const f = fakeServers({ '::1': [code] });
      const out = await listenOnAll(f.make, ['127.0.0.1', '::1'], 0);
      expect(out.addresses).toEqual(['127.0.0.1']);
    }
  });

  it('fails the sign-in when an address exists but cannot be bound (EACCES), closing what it opened', async () => {
    const f = fakeServers({ '::1': ['EACCES'] });
    const err = await listenOnAll(f.make, ['127.0.0.1', '::1'], 0).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'signin.listener_failed', message: expect.stringContaining('[::1]') });
    expect((err as WorkbenchError).hint).toContain('try again');
    expect(f.made.every((m) => m.closed)).toBe(true);
  });

  it('moves to another port when [::1] is taken, and gives up with signin.listener_failed after 20 ports', async () => {
    const once = fakeServers({ '::1': ['EADDRINUSE'] });
    const out = await listenOnAll(once.make, ['127.0.0.1', '::1'], 0);
    expect(out.addresses).toEqual(['127.0.0.1', '::1']);
    expect(once.made.filter((m) => !m.closed).map((m) => m.host)).toEqual(['127.0.0.1', '::1']);
    const always = fakeServers({ '::1': Array.from({ length: 20 }, () => 'EADDRINUSE') });
    await expect(listenOnAll(always.make, ['127.0.0.1', '::1'], 0)).rejects.toMatchObject({
      code: 'signin.listener_failed',
    });
    expect(always.made.every((m) => m.closed)).toBe(true);
  });
});
