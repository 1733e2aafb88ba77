// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { importX } from 'eslint-plugin-import-x';
import globals from 'globals';

const FEATURES = ['connections', 'subscriptions', 'messages', 'charts', 'publish', 'topic-tree'];

/** Architecture boundaries from CONVENTIONS.md, enforced rather than hoped for. */
const boundaries = {
  files: ['src/**/*.{ts,tsx}'],
  plugins: { 'import-x': importX },
  rules: {
    'import-x/no-restricted-paths': [
      'error',
      {
        zones: [
          {
            target: './src/core',
            from: ['./src/app', './src/features', './src/services', './src/components'],
            message: 'core/ is pure TypeScript and imports nothing from the app.',
          },
          {
            target: './src',
            from: './server',
            message: 'Browser code never imports Node-side server code.',
          },
          ...FEATURES.map((feature) => ({
            target: `./src/features/${feature}`,
            from: './src/features',
            except: [`./${feature}`],
            message: 'A feature does not import another feature; compose them in app/.',
          })),
        ],
      },
    ],
  },
};

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', 'bench-results'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      eqeqeq: ['error', 'always'],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'mqtt',
              message: 'Only src/services/mqtt/ talks to mqtt.js; use the service instead.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/services/mqtt/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  boundaries,
);
