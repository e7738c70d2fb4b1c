// Main-process bundle; plugin-vite supplies lib/cjs output and keeps electron and Node built-ins external.
import { defineConfig } from 'vite';

export default defineConfig({
  // One self-contained main.cjs: the lazy import('node-forge') of the PFX reader's legacy ciphers is inlined, not split off.
  build: { sourcemap: true, rollupOptions: { output: { codeSplitting: false } } },
});
