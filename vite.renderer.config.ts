// Renderer bundle: React + Fluent UI, served from src/renderer; JSX compiled without the react plugin
// so no inline refresh preamble is needed and the strict Content-Security-Policy holds in development too.
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const root = import.meta.dirname;

export default defineConfig(({ mode }) => ({
  root: resolve(root, 'src/renderer'),
  base: './',
  oxc: { jsx: { runtime: 'automatic', development: mode === 'development' } },
  build: {
    outDir: resolve(root, '.vite/renderer/main_window'),
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      // Fluent UI marks its modules 'use client' for React Server Components; that directive means nothing here.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  server: { host: '127.0.0.1', strictPort: false },
}));
