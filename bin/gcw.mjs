#!/usr/bin/env node
// `gcw`: starts the compiled CLI in dist/cli/ (built by `npm install`/`npm ci` through `prepare`, or `npm run build`).
// Plain JavaScript only: no TypeScript loader, and nothing is read from the folder gcw is started in.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 13)) {
  process.stderr.write(`gcw needs Node.js 22.13 or newer (this is ${process.versions.node}).\n`);
  process.exit(2);
}
const entry = new URL('../dist/cli/gcw.mjs', import.meta.url);
try {
  await import(entry.href);
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes(entry.pathname)) throw error;
  const root = new URL('..', import.meta.url).pathname;
  process.stderr.write(
    `gcw is not built yet (${entry.pathname} is missing).\nRun npm install, or npm run build:cli, in ${root}\n`,
  );
  process.exit(2);
}
