// Main-process bundle; plugin-vite supplies lib/cjs output and keeps electron and Node built-ins external.
import { defineConfig } from 'vite';

export default defineConfig({
  build: { sourcemap: true },
});
