// How the listener binds, at its edges: which name it resolves, what its error says (address, port, the system's code,
// the cause kept), that a failure on the first address is not retried on other ports unless the port was taken, and
// that binding leaves no handler of its own on the servers (a live server's later errors must not be swallowed).
// loopback-ipv6.test.ts has the main cases (IPv6 off, [::1] taken, 20 ports).
import { EventEmitter } from 'node:events';
import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { listenOnAll, localhostAddresses } from '../../../../src/core/signin/loopback-bind';

type Outcome = 'listen' | 'throw' | { code?: string };

/** Stand-in servers: for each host a script of outcomes (default: listening), on ports from 42000. */
function fakeServers(script: Record<string, Outcome[]>) {
  const made: Server[] = [];
  const errors: Error[] = [];
  let nextPort = 42000;
  const make = () => {
    const server = new EventEmitter() as EventEmitter & {
      listen: (port: number, host: string) => void;
      address: () => { port: number };
      close: (cb: () => void) => void;
    };
    let bound = 0;
    server.listen = (port, host) => {
      const outcome = script[host]?.shift() ?? 'listen';
      if (outcome === 'throw') throw Object.assign(new RangeError('bad port'), { code: 'ERR_SOCKET_BAD_PORT' });
      queueMicrotask(() => {
        if (outcome === 'listen') {
          bound = port || nextPort++;
          server.emit('listening');
        } else {
          const err = Object.assign(new Error('listen failed'), outcome);
          errors.push(err);
          server.emit('error', err);
        }
      });
    };
    server.address = () => ({ port: bound });
    server.close = (cb) => cb();
    made.push(server as unknown as Server);
    return server as unknown as Server;
  };
  return { make, made, errors };
}

const reason = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e as Error & { code: string; cause?: unknown },
  );
const leftOver = (servers: Server[]) => servers.map((s) => s.listenerCount('error') + s.listenerCount('listening'));

const real: Server[] = [];
afterEach(async () => {
  for (const s of real.splice(0)) await new Promise<void>((r) => (s.listening ? s.close(() => r()) : r()));
});

describe('loopback binding at its edges', () => {
  it('asks the resolver for "localhost" (and for nothing else)', async () => {
    const asked: string[] = [];
    const addresses = await localhostAddresses(async (name) => {
      asked.push(name);
      return name === 'localhost' ? ['127.0.0.2'] : [];
    });
    expect(asked).toEqual(['localhost']);
    expect(addresses).toEqual(['127.0.0.1', '::1', '127.0.0.2']);
  });

  it('a failure on the first address other than a taken port ends at once, naming address, port and code', async () => {
    const f = fakeServers({ '127.0.0.1': [{ code: 'EACCES' }] });
    const err = await reason(listenOnAll(f.make, ['127.0.0.1', '::1'], 8123));
    expect(err).toMatchObject({
      code: 'signin.listener_failed',
      message: 'The Workbench could not listen on 127.0.0.1:8123 for the sign-in answer (EACCES).',
    });
    expect(err?.cause).toBe(f.errors[0]);
    expect(f.made).toHaveLength(1);
    const any = fakeServers({ '127.0.0.1': [{ code: 'EACCES' }] });
    expect(await reason(listenOnAll(any.make, ['127.0.0.1'], 0))).toMatchObject({
      message: 'The Workbench could not listen on 127.0.0.1 for the sign-in answer (EACCES).',
    });
    expect(any.made).toHaveLength(1);
  });

  it('refuses an address that is not loopback before listening, saying so; a taken port 0 is not retried', async () => {
    const f = fakeServers({ '127.0.0.1': [{ code: 'EADDRINUSE' }] });
    expect(await reason(listenOnAll(f.make, ['127.0.0.1', '0.0.0.0'], 0))).toMatchObject({
      code: 'signin.invalid_input',
      message: 'The sign-in listener takes loopback addresses only.',
    });
    expect(f.made).toHaveLength(0);
    // Port 0 lets the system choose; EADDRINUSE there means no port is free, and another try would not help.
    expect(await reason(listenOnAll(f.make, ['127.0.0.1'], 0))).toMatchObject({
      message: 'The Workbench could not listen on 127.0.0.1 for the sign-in answer (EADDRINUSE).',
    });
    expect(f.made).toHaveLength(1);
  });

  it('an error without a system code is still reported, without a code in brackets', async () => {
    const f = fakeServers({ '::1': [{}] });
    const err = await reason(listenOnAll(f.make, ['127.0.0.1', '::1'], 0));
    expect(err).toMatchObject({
      code: 'signin.listener_failed',
      message: 'The Workbench could not listen on [::1]:42000 for the sign-in answer.',
    });
    expect(err?.cause).toBe(f.errors[0]);
  });

  it('after 20 ports taken, names every other address it tried', async () => {
    const f = fakeServers({ '::1': Array.from({ length: 20 }, () => ({ code: 'EADDRINUSE' })) });
    const err = await reason(listenOnAll(f.make, ['127.0.0.1', '::1', '127.0.0.2'], 0));
    expect(err).toMatchObject({
      code: 'signin.listener_failed',
      message: 'The Workbench could not listen on [::1, 127.0.0.2] for the sign-in answer (EADDRINUSE).',
    });
    expect(err?.cause).toBe(f.errors[19]);
  });

  it('leaves no handler of its own on any server, bound or failed', async () => {
    const make = () => {
      const s = createServer();
      real.push(s);
      return s;
    };
    await listenOnAll(make, ['127.0.0.1'], 0);
    expect(await reason(listenOnAll(make, ['127.0.0.1'], 70_000))).toMatchObject({ code: 'signin.listener_failed' });
    const f = fakeServers({ '::1': [{ code: 'EACCES' }], '127.0.0.2': ['throw'] });
    await reason(listenOnAll(f.make, ['127.0.0.1', '::1'], 0));
    await reason(listenOnAll(f.make, ['127.0.0.1', '127.0.0.2'], 0));
    expect(real).toHaveLength(2);
    expect(f.made).toHaveLength(4);
    expect(leftOver([...real, ...f.made])).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('skips an address the computer lacks (EAFNOSUPPORT, EADDRNOTAVAIL), also on a fresh import of the module', async () => {
    vi.resetModules();
    const fresh = await import('../../../../src/core/signin/loopback-bind');
    for (const code of ['EAFNOSUPPORT', 'EADDRNOTAVAIL']) {
      const f = fakeServers({ '::1': [{ code }] });
      expect((await fresh.listenOnAll(f.make, ['127.0.0.1', '::1'], 0)).addresses, code).toEqual(['127.0.0.1']);
    }
  });
});
