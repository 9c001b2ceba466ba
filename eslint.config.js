import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'rasd-data/', 'bench/out/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-control-regex': 'off',
      'no-misleading-character-class': 'off',
    },
  },
  {
    files: ['src/web/client/**'],
    languageOptions: {
      globals: {
        window: 'readonly', document: 'readonly', fetch: 'readonly', location: 'readonly', history: 'readonly',
        HTMLElement: 'readonly', HTMLAnchorElement: 'readonly', HTMLInputElement: 'readonly', HTMLFormElement: 'readonly',
        HTMLOptionElement: 'readonly', SVGElement: 'readonly', Element: 'readonly', Node: 'readonly', URLSearchParams: 'readonly',
        Response: 'readonly', Request: 'readonly', Event: 'readonly', console: 'readonly',
      },
    },
  },
);
