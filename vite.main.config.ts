// Main-process bundle; plugin-vite supplies lib/cjs output and keeps electron and Node built-ins external.
import { defineConfig } from 'vite';

export default defineConfig({
  build: {
    sourcemap: true,
    // One self-contained main.cjs: the certificate core loads node-forge lazily (import()), which would otherwise
    // become a separate chunk next to main.cjs.
    rolldownOptions: { output: { codeSplitting: false } },
  },
});
