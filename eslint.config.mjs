// ESLint flat config: TypeScript rules, Prettier owns formatting.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';
import boundaries from './eslint/module-boundaries.mjs';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'coverage/**', 'test-output/**', 'web/src/api/schema.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', fetch: 'readonly', setTimeout: 'readonly', Buffer: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'off',
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'Read configuration through ConfigService (src/infra/config).',
        },
      ],
    },
  },
  {
    files: ['src/**/*.ts'],
    plugins: { chatgrow: boundaries },
    rules: { 'chatgrow/module-boundaries': 'error' },
  },
  {
    // The dashboard (web/): browser code, linted with the same TypeScript rules; it has no process.env to guard.
    files: ['web/**/*.{ts,tsx,mts}'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['scripts/**', 'test/**', 'bench/**', 'src/main.ts', 'src/infra/config/**', 'src/infra/database/data-source.ts', '**/*.spec.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
