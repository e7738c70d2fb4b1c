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

export default defineConfig(
  { ignores: ['node_modules/', '.vite/', 'out/', 'dist/', 'test-results/', 'coverage/', 'bin/', '.tmp/', '.stryker-tmp/', 'reports/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { projectService: { allowDefaultProject: ['*.js', '*.mjs', 'scripts/*.mjs', 'scripts/*.cjs', 'src/*/lint-probe.ts'] } },
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
    files: ['src/core/**', 'src/shared/**', 'src/cli/**'],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: [noElectron, noElectronStore, noReact, { name: 'react-dom', message: noReact.message }], patterns: [{ group: ['electron/*'], message: noElectron.message }] },
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
      '@typescript-eslint/no-restricted-imports': ['error', { paths: [noReact, { name: 'react-dom', message: noReact.message }] }],
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
