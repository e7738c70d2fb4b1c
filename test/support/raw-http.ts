// HTTP requests with every header under the test's control (fetch would not let a test set Host), as another
// program on this machine, a page of another origin or a DNS-rebinding page would send them.
import { request } from 'node:http';

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One request to 127.0.0.1:<port> (or `address`); `headers` are sent as given, Host included. */
export function rawRequest(
  port: number,
  options: { method?: string; path?: string; headers?: Record<string, string>; body?: string; address?: string },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: options.address ?? '127.0.0.1',
        port,
        method: options.method ?? 'GET',
        path: options.path ?? '/',
        headers: { host: `127.0.0.1:${port}`, ...options.headers },
        setHost: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** Read server-sent events from an open response until `count` events arrived; resolves with them. */
export function readEvents(
  port: number,
  headers: Record<string, string>,
  count: number,
  onOpen: () => void,
): Promise<{ status: number; events: Array<{ name: string; data: unknown }> }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/api/events',
        headers: { host: `127.0.0.1:${port}`, ...headers },
        setHost: false,
      },
      (res) => {
        const events: Array<{ name: string; data: unknown }> = [];
        if (res.statusCode !== 200) {
          res.resume();
          return resolve({ status: res.statusCode ?? 0, events });
        }
        let buffer = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          buffer += chunk;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const frame = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            if (frame.startsWith(': connected')) onOpen();
            const name = /^event: (.*)$/m.exec(frame)?.[1];
            const data = /^data: (.*)$/m.exec(frame)?.[1];
            if (name && data !== undefined) events.push({ name, data: JSON.parse(data) });
            if (events.length >= count) {
              req.destroy();
              return resolve({ status: 200, events });
            }
          }
        });
        res.on('end', () => resolve({ status: 200, events }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}
