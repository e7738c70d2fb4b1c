// A child process that rewrites the settings and profiles documents as fast as it can until it is killed.
import { openJsonDocument } from '../../src/core/storage/json-document';
import { confBackendFactory } from '../../src/core/storage/conf-backend';
import { z } from 'zod';

const directory = process.argv[2]!;
const schema = z.object({ version: z.literal(1), counter: z.number(), payload: z.string() });
const doc = openJsonDocument(
  {
    name: 'stress',
    label: 'stress document',
    schema,
    currentVersion: 1,
    defaults: () => ({ version: 1 as const, counter: 0, payload: '' }),
  },
  { directory, backend: confBackendFactory(directory) },
);
let counter = doc.get().counter;
process.stdout.write('ready\n');
for (;;) {
  counter += 1;
  // A few hundred KB per write so a kill often lands mid-write.
  doc.set({ version: 1, counter, payload: String(counter).repeat(40_000) });
}
