// ESLint: type-aware typescript-eslint, plus layering rules that keep Electron in src/main and src/preload only.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const noElectron = {
  name: 'electron',
  message: 'Electron belongs in src/main and src/preload only; core, shared, cli and renderer must run without it.',
};
const noElectronStore = {
  name: 'electron-store',
  message: 'electron-store is an Electron adapter: use it from src/main only.',
};
const noReact = { name: 'react', message: 'React belongs in src/renderer only.' };
const noHostsAbove = {
  group: ['**/main/**', '**/preload/**', '**/renderer/**', '**/cli/**'],
  message: 'src/web-host is a host beside Electron main: it builds on core and shared only (the CLI composes it, never the other way).',
};
const noWebHost = { group: ['**/web-host/**'], message: 'src/web-host (the gcw ui host) is composed by src/cli; core, shared and the Electron shell do not import it.' };

export default defineConfig(
  { ignores: ['node_modules/', '.vite/', 'out/', 'dist/', 'test-results/', 'coverage/', 'bin/', '.tmp/', '.stryker-tmp/', 'reports/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: {
        projectService: {
          allowDefaultProject: ['*.js', '*.mjs', 'scripts/*.mjs', 'scripts/*.cjs', 'src/*/lint-probe.ts', 'src/web-host/client/lint-probe.ts'],
          // The build and start scripts outside tsconfig (scripts/*.mjs) are more than the default 8.
          maximumDefaultProjectFileMatchCount_THIS_WILL_SLOW_DOWN_LINTING: 20,
        },
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src/core/**', 'src/shared/**'],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: [noElectron, noElectronStore, noReact, { name: 'react-dom', message: noReact.message }], patterns: [{ group: ['electron/*'], message: noElectron.message }, noWebHost] },
      ],
    },
  },
  {
    files: ['src/cli/**'],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: [noElectron, noElectronStore, noReact, { name: 'react-dom', message: noReact.message }], patterns: [{ group: ['electron/*'], message: noElectron.message }] },
      ],
    },
  },
  {
    // The gcw ui host: Node, beside Electron main (its client scripts, below, run in the browser).
    files: ['src/web-host/**'],
    ignores: ['src/web-host/client/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: [noElectron, noElectronStore, noReact, { name: 'react-dom', message: noReact.message }], patterns: [{ group: ['electron/*'], message: noElectron.message }, noHostsAbove] },
      ],
    },
  },
  {
    files: ['src/web-host/client/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [noElectron, noElectronStore, noReact, { name: 'react-dom', message: noReact.message }],
          patterns: [
            { group: ['electron/*'], message: noElectron.message },
            { regex: '^node:|/core/|/contract(/index)?$', message: 'The gcw ui client runs in the browser before the renderer: browser APIs and shared/contract/build-api only (no Node, no core, no zod).' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [noElectron, noElectronStore],
          patterns: [
            { group: ['electron/*'], message: noElectron.message },
            { group: ['**/core/**', 'node:*'], message: 'The renderer talks to main through window.workbench only: no core modules, no Node built-ins.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/main/**', 'src/preload/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { paths: [noReact, { name: 'react-dom', message: noReact.message }], patterns: [noWebHost] }],
      // In the Electron shell a rejected promise is an unhandled rejection nobody sees: `void` is no answer, catch it.
      '@typescript-eslint/no-floating-promises': ['error', { ignoreVoid: false }],
    },
  },
  {
    files: ['src/preload/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='contextBridge'] > Identifier[name='ipcRenderer']",
          message: 'Never expose ipcRenderer itself: expose the named contract methods only.',
        },
      ],
    },
  },
);
