// Preload bundle: one self-contained file (sandboxed preloads cannot require project modules).
import { defineConfig } from 'vite';

export default defineConfig({
  build: { sourcemap: true },
});
