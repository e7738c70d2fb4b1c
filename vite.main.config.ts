// Main-process bundle; plugin-vite supplies lib/cjs output and keeps electron and Node built-ins external.
import { defineConfig } from 'vite';

export default defineConfig({
  // One self-contained main.cjs: the lazy import('node-forge') for legacy PFX ciphers must not become a separate chunk.
  build: { sourcemap: true, rolldownOptions: { output: { codeSplitting: false } } },
});
