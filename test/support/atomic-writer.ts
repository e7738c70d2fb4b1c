// A child process that rewrites one document with the project's own writeFileAtomic as fast as it can until it is
// killed (test/integration/storage/atomic-write-kill.test.ts).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../../src/core/storage/atomic-write';

const path = join(process.argv[2]!, 'document.json');
let counter = existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as { counter: number }).counter : 0;
process.stdout.write('ready\n');
for (;;) {
  counter += 1;
  // About a megabyte per write, so a kill often lands mid-write.
  writeFileAtomic(path, JSON.stringify({ counter, payload: String(counter % 10).repeat(1_000_000) }));
}
