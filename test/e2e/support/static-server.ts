// Serves the built renderer on 127.0.0.1 the way app:// serves it in Electron (same files, same path guard).
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname } from 'node:path';
import { resolveAppFile } from '../../../src/main/protocol';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** Start a static server; resolves with its origin and a close function. */
export async function startStaticServer(root: string): Promise<{ origin: string; server: Server; close: () => Promise<void> }> {
  const server = createServer((req, res) => {
    const file = resolveAppFile(root, `http://x${req.url ?? '/'}`);
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    readFile(file).then(
      (body) => res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' }).end(body),
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, server, close: () => new Promise((ok) => server.close(() => ok())) };
}
