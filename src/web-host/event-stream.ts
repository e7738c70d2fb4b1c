// Events to the page as server-sent events (text/event-stream) on GET /api/events.
import type { ServerResponse } from 'node:http';

/** How often an idle stream gets a comment line, so proxies and the browser keep it open. */
const HEARTBEAT_MS = 25_000;

/** The open event streams of a host; `send` writes one event to all of them. */
export class EventStreams {
  private readonly open = new Set<ServerResponse>();
  private heartbeat: NodeJS.Timeout | null = null;
  /** Streams opened since start (tests wait for a page's stream). */
  opened = 0;

  /** Start streaming to a response (the caller has checked the session). */
  add(res: ServerResponse, headers: Record<string, string>): void {
    res.writeHead(200, {
      ...headers,
      'content-type': 'text/event-stream; charset=utf-8',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.write(': connected\n\n');
    this.open.add(res);
    this.opened += 1;
    res.on('close', () => {
      this.open.delete(res);
      if (this.open.size === 0) this.stopHeartbeat();
    });
    this.heartbeat ??= setInterval(() => this.comment('ping'), HEARTBEAT_MS).unref();
  }

  /** Number of pages listening now. */
  get size(): number {
    return this.open.size;
  }

  /** One event to every page: `event: <name>`, `data: <json>` (JSON has no raw newlines). */
  send(name: string, payload: unknown): void {
    const frame = `event: ${name}\ndata: ${JSON.stringify(payload ?? null)}\n\n`;
    for (const res of this.open) res.write(frame);
  }

  /** End every stream (the host is stopping). */
  closeAll(): void {
    this.stopHeartbeat();
    for (const res of this.open) res.end();
    this.open.clear();
  }

  private comment(text: string): void {
    for (const res of this.open) res.write(`: ${text}\n\n`);
  }

  private stopHeartbeat(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
  }
}
