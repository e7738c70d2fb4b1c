#!/usr/bin/env node
// `gcw`: runs the TypeScript CLI directly through tsx, so no build step is needed after `npm ci`.
import { tsImport } from 'tsx/esm/api';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 13)) {
  process.stderr.write(`gcw needs Node.js 22.13 or newer (this is ${process.versions.node}).\n`);
  process.exit(2);
}
await tsImport('../src/cli/entry.ts', import.meta.url);
