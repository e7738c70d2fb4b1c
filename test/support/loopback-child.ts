// A loopback listener in a process of its own (run with `node --import tsx`), so a test can give it few file handles
// (ulimit -n) and flood it. Prints {"port":…} once listening, then {"result":…} or {"error":…} when the sign-in settles.
import { startLoopbackListener } from '../../src/core/signin/loopback-listener';

const listener = await startLoopbackListener({ state: process.argv[2] ?? 'flood-state', timeoutMs: 60_000 });
process.stdout.write(`${JSON.stringify({ port: listener.port })}\n`);
listener.result.then(
  (result) => {
    process.stdout.write(`${JSON.stringify({ result })}\n`);
    setTimeout(() => process.exit(0), 100);
  },
  (error: unknown) => {
    process.stdout.write(`${JSON.stringify({ error: (error as { code?: string }).code ?? String(error) })}\n`);
    process.exit(1);
  },
);
