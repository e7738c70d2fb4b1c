// ESLint: type-aware typescript-eslint, plus layering rules that keep Electron in src/main and src/preload only.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import layering from './eslint-rules/layering.js';

// ── Layering ──────────────────────────────────────────────────────────────────────────────────────────────────────
// Each layer's allow-list: the project folders (or files) it may import, whether Node built-ins are allowed (bare
// 'fs' as well as 'node:fs'), and the npm packages it may name. Everything else is refused, by
// eslint-rules/layering.js, in every import form (import, export … from, import(), import('x').T, require).
// A new layer is one entry here (and a line in docs/architecture.md); test/unit/lint/layering.test.ts holds the probes.
const layers = {
  'src/main': {
    why: 'The Electron shell is thin: adapters over src/core, no UI code.',
    may: ['src/main', 'src/core', 'src/shared'],
    node: true,
    packages: ['electron', 'electron-store', '@electron-forge/plugin-vite'],
  },
  'src/preload': {
    why: "The preload runs sandboxed and exposes the contract's method names only.",
    may: ['src/preload', 'src/shared'],
    node: false,
    packages: ['electron'],
  },
  'src/renderer': {
    why: 'The renderer is a web page: it talks to main through window.workbench only.',
    may: ['src/renderer', 'src/shared'],
    node: false,
    packages: ['react', 'react-dom', '@fluentui/react-components', '@fluentui/react-icons', 'vite', 'zod'],
  },
  'src/shared': {
    why: 'src/shared is bundled into the renderer, the preload, main and gcw: plain TypeScript, no Node, no DOM, no Electron.',
    may: ['src/shared'],
    node: false,
    packages: ['zod'],
  },
  'src/core': {
    why: 'The domain runs under Node in the app, gcw and the tests: no Electron, no React, no DOM.',
    may: ['src/core', 'src/shared'],
    node: true,
    packages: ['zod', '@azure/msal-node', 'node-forge', '@microsoft/microsoft-graph-types', 'conf'],
  },
  'src/cli': {
    why: 'gcw is the command-line face of src/core and runs without Electron.',
    may: ['src/cli', 'src/core', 'src/shared', 'src/web-host', 'package.json'],
    node: true,
    packages: [],
  },
  'src/web-host': {
    why: 'The gcw ui host serves the built renderer over HTTP from Node, beside Electron main, with src/core behind it: no Electron, no renderer, main or cli source (src/cli composes it).',
    may: ['src/web-host', 'src/core', 'src/shared'],
    node: true,
    packages: ['@napi-rs/keyring'],
  },
  'src/web-host/client': {
    why: "The gcw ui client scripts run in the browser before the renderer: browser APIs and the contract's build-api only (no Node, no core, no zod).",
    may: ['src/web-host/client', 'src/shared/contract/build-api.ts', 'src/shared/contract/build-api'],
    node: false,
    packages: [],
  },
};
// ── end of layering ───────────────────────────────────────────────────────────────────────────────────────────────

export default defineConfig(
  {
    ignores: [
      'node_modules/',
      '.vite/',
      'out/',
      'dist/',
      'test-results/',
      'coverage/',
      'bin/',
      '.tmp/',
      '.stryker-tmp/',
      'reports/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: {
        projectService: {
          // Files outside tsconfig.json's include: the JavaScript tools and the layering test's probes.
          allowDefaultProject: [
            '*.js',
            '*.mjs',
            'scripts/*.mjs',
            'scripts/*.cjs',
            'eslint-rules/*.js',
            'src/*/lint-probe.ts',
            'src/web-host/client/lint-probe.ts',
          ],
          maximumDefaultProjectFileMatchCount_THIS_WILL_SLOW_DOWN_LINTING: 24,
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
  // ── Type-checked rules (recommendedTypeChecked, issue 16) ─────────────────────────────────────────────────────────
  {
    rules: {
      // Handing on a caught `unknown` unchanged is fine; rejecting with a string or an object literal is not.
      '@typescript-eslint/prefer-promise-reject-errors': ['error', { allowThrowingUnknown: true }],
    },
  },
  {
    // The JavaScript tools (scripts/, eslint-rules/) have no type annotations: every JSON.parse result and parameter
    // is `any`, so the no-unsafe-* rules would flag the language rather than a mistake. The rest stays on.
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    // Tests assert on `JSON.parse` output (gcw --json, manifests, page text) and use vitest's asymmetric matchers
    // (`expect.any`, `expect.stringContaining`), both typed `any` by their libraries: the assertion is the type check
    // there, so the no-unsafe-* rules would flag every such line. Test doubles implement the app's async ports with
    // synchronous bodies (`async` keeps a throw a rejection, as the real adapter's would be), so require-await is off
    // too. src/ keeps all of these on.
    files: ['test/**', 'bench/**'],
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // The test identity provider and Graph read claims back from tokens they signed themselves (values typed
    // `unknown`, written as strings); String(claim ?? '') is the plain way to read one.
    files: ['test/support/idp/**'],
    rules: { '@typescript-eslint/no-base-to-string': 'off' },
  },
  // ── end of type-checked rules ─────────────────────────────────────────────────────────────────────────────────────
  // Layering: see `layers` above.
  {
    files: ['src/**'],
    plugins: { layering },
    rules: { 'layering/allowed-imports': ['error', { root: import.meta.dirname, layers }] },
  },
  {
    files: ['src/renderer/**', 'src/web-host/client/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['src/main/**', 'src/preload/**'],
    rules: {
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
  // React hooks (the renderer): the plugin's recommended rules, its warnings raised to errors so none passes unread.
  // An exception is an inline disable with the reason beside it.
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
    rules: {
      ...Object.fromEntries(Object.keys(reactHooks.configs.flat.recommended.rules).map((rule) => [rule, 'error'])),
      // useResult(load, deps) runs `load` in an effect: its deps are checked like useEffect's.
      'react-hooks/exhaustive-deps': ['error', { additionalHooks: '^useResult$' }],
    },
  },
);
