import { lookup } from 'node:dns/promises';
import type { AddressInfo, Server } from 'node:net';
import { BlockList, isIP } from 'node:net';
import { WorkbenchError } from '../errors';

const loopback = new BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');

/** True for 127.0.0.0/8 and ::1 (also written out, or IPv4-mapped). */
export function isLoopbackAddress(address: string): boolean {
  const family = isIP(address);
  return family !== 0 && loopback.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/**
 * Every address the redirect URI's host name `localhost` can reach: 127.0.0.1 and ::1 (browsers resolve `localhost`
 * to both themselves, and Chromium tries ::1 first), plus any other loopback address the system resolver gives.
 * Addresses that are not loopback are never returned, whatever the hosts file says.
 */
export async function localhostAddresses(resolve: (name: string) => Promise<string[]> = resolveAll): Promise<string[]> {
  let resolved: string[] = [];
  try {
    resolved = await resolve('localhost');
  } catch {
    // No resolver answer: the two addresses browsers use are enough.
  }
  return [...new Set(['127.0.0.1', '::1', ...resolved.filter(isLoopbackAddress)])];
}

async function resolveAll(name: string): Promise<string[]> {
  return (await lookup(name, { all: true })).map((a) => a.address);
}

/** Error codes that mean the address does not exist on this computer (e.g. IPv6 switched off): no program can listen there, so no one can answer the browser there. */
const absentAddress = new Set(['EADDRNOTAVAIL', 'EAFNOSUPPORT']);

/** How many ports to try when another program holds the same port on one of the addresses. */
const attempts = 20;

/**
 * Listen on one port on every address, one server per address (`make` builds each). The first address must exist; the
 * port is chosen there (`preferred`, or any free one), then taken on the others. When another program already has that
 * port on one of them, everything is closed and another port is tried, so the browser can only ever reach this
 * process. An address this computer does not have is skipped (`absentAddress`); any other failure is
 * `signin.listener_failed`.
 */
export async function listenOnAll(
  make: () => Server,
  addresses: readonly string[],
  preferred: number,
): Promise<{ port: number; servers: Server[]; addresses: string[] }> {
  const [first, ...others] = addresses;
  if (first === undefined || !addresses.every(isLoopbackAddress)) {
    throw new WorkbenchError('signin.invalid_input', 'The sign-in listener takes loopback addresses only.');
  }
  let port = preferred;
  let lastError: NodeJS.ErrnoException | null = null;
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    const servers: Server[] = [];
    const bound: string[] = [];
    try {
      const main = make();
      port = await listenOne(main, port, first);
      servers.push(main);
      bound.push(first);
    } catch (error) {
      const err = error as NodeJS.ErrnoException;
      lastError = err;
      if (err.code === 'EADDRINUSE' && port !== 0) {
        port = 0;
        continue;
      }
      throw listenerFailed(first, port, err);
    }
    let taken: NodeJS.ErrnoException | null = null;
    for (const address of others) {
      const server = make();
      try {
        await listenOne(server, port, address);
        servers.push(server);
        bound.push(address);
      } catch (error) {
        const err = error as NodeJS.ErrnoException;
        if (absentAddress.has(err.code ?? '')) continue;
        await Promise.all(servers.map((s) => new Promise<void>((r) => s.close(() => r()))));
        if (err.code !== 'EADDRINUSE') throw listenerFailed(address, port, err);
        taken = err;
        break;
      }
    }
    if (!taken) return { port, servers, addresses: bound };
    lastError = taken;
    port = 0;
  }
  throw listenerFailed(others.join(', '), port, lastError);
}

function listenOne(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (err: Error) => {
      server.off('listening', onListening);
      reject(err);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    try {
      server.listen(port, host);
    } catch (err) {
      // e.g. a port outside 0–65535 throws before any 'error' event.
      server.off('error', onError);
      server.off('listening', onListening);
      reject(err);
    }
  });
}

function listenerFailed(address: string, port: number, cause: NodeJS.ErrnoException | null): WorkbenchError {
  const where = address.includes(':') ? `[${address}]` : address;
  return new WorkbenchError(
    'signin.listener_failed',
    `The Workbench could not listen on ${where}${port ? `:${port}` : ''} for the sign-in answer${cause?.code ? ` (${cause.code})` : ''}.`,
    {
      hint: 'Another program may be holding local ports, or a security policy blocks them. Close programs that listen on localhost, or try again.',
      ...(cause ? { cause } : {}),
    },
  );
}
