import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';
import { noUntranslatedText } from './eslint/no-untranslated-text.mjs';

/**
 * The layout is the architecture (README, "Where things are"); these rules keep it:
 * - the engine imports nothing above it: not the app, the UI, the web glue, the user's
 *   definitions, the demo, Next.js or React (it is handed what it serves: src/engine/hub.ts);
 * - the demo plugs into src/admin/hub.ts like a user's definitions, and reaches for nothing
 *   of the app either;
 * - UI components take the engine's types and its browser-safe rules only; what reads a
 *   database runs in src/web (server-only) or a page, and hands components plain data;
 * - no import cycles in the engine;
 * - code Next.js compiles reaches the engine only as @admin-hub/engine/…, which Next loads at
 *   run time (serverExternalPackages): the one copy `npm start` booted. A path into src/engine
 *   would be bundled, and the server would run a second engine with its own pools and caches.
 */
const framework = '^(next|react|react-dom)(/|$)|^better-auth/next-js$';
const aboveEngine = '^@/(app|components|web|admin|demo)(/|$)|^(\\.\\./)+(app|components|web|admin|demo)(/|$)';
const restrict = (...patterns) => ({ '@typescript-eslint/no-restricted-imports': ['error', { patterns }] });

const oneEngine = {
  regex: '^(@/engine|(\\.{1,2}/)+(.+/)?engine)(/|$)',
  message: 'Import the engine as @admin-hub/engine/… (one copy per process; see next.config.mjs).',
};

const boundaries = [
  {
    files: ['src/app/**/*.{ts,tsx}', 'src/web/**/*.{ts,tsx}', 'src/admin/**/*.{ts,tsx}', 'src/*.ts'],
    rules: restrict(oneEngine),
  },
  {
    files: ['src/engine/**/*.{ts,tsx}'],
    rules: {
      ...restrict(
        {
          regex: aboveEngine,
          message: 'The engine is handed what it serves (src/engine/hub.ts); it never imports the app, UI, web glue, definitions or demo.',
        },
        { regex: framework, message: 'The engine runs without Next.js or React: take what you need as a parameter (see ServingOptions in src/engine/hub.ts).' },
      ),
      'import/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    // Rules the browser runs too (record ids, list parameters): nothing from the server side.
    files: ['src/engine/shared/**/*.ts'],
    rules: restrict({ regex: '^(?!\\./)', message: 'engine/shared is browser-safe and self-contained: import only its own modules.' }),
  },
  {
    files: ['src/demo/**/*.{ts,tsx}'],
    rules: restrict(oneEngine, {
      regex: '^@/(app|components|web|admin)(/|$)',
      message: 'The demo is a plug-in: src/admin/hub.ts imports it, not the other way round.',
    }),
  },
  {
    files: ['src/components/**/*.{ts,tsx}'],
    rules: restrict(
      oneEngine,
      { regex: '^@/(app|admin|demo)(/|$)', message: 'Components get data and definitions as props, not from the app, the definitions or the demo.' },
      {
        regex: '^@admin-hub/engine/(db|hub-db|lifecycle|http|config|export|introspect|internal|boot|hub)(/|$)',
        allowTypeImports: true,
        message: 'Components do not reach into the engine: load data in src/web (server-only) or the page, and pass it down.',
      },
    ),
  },
];

/**
 * Issue 20: no words in the UI's code. Every component and page takes what a person reads from
 * the message catalogs (src/i18n/messages); brand names go through `allowed`.
 */
const translated = [
  {
    files: ['src/**/*.tsx'],
    plugins: { hub: { rules: { 'no-untranslated-text': noUntranslatedText } } },
    rules: { 'hub/no-untranslated-text': ['error', { allowed: ['Admin Hub'] }] },
  },
];

const config = [
  ...nextVitals,
  ...nextTs,
  ...boundaries,
  ...translated,
  { ignores: ['.next/**', '.data/**', 'node_modules/**', 'next-env.d.ts', 'bench/results/**'] },
];

export default config;
