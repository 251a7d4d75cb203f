import js from '@eslint/js'
import { createNodeResolver, importX } from 'eslint-plugin-import-x'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['build/**', 'app/generated/**', '.data/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/db.server*', '**/generated/prisma/*'], message: 'Routes go through app/modules, never Prisma directly.' }] },
      ],
    },
  },
  {
    // The layers: lib is the bottom (it knows no domain), modules sit on lib, routes on
    // modules; nothing imports upwards and no import cycle exists anywhere.
    // Tests may reach across layers (a route test in a module's folder, say).
    files: ['app/**/*.{ts,tsx}', 'server.ts', 'scripts/**/*.ts'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js'] })] },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            { target: './app/lib', from: ['./app/modules', './app/routes', './app/components'], message: 'app/lib knows no domain: pass what it needs in.' },
            { target: './app/modules', from: './app/routes', message: 'Modules never import routes.' },
            { target: './app/components', from: './app/routes', message: 'Components never import routes.' },
          ],
        },
      ],
    },
  },
  {
    // Only routes (not their tests) are forbidden from importing the database.
    files: ['**/*.test.ts', '**/*.test.tsx', 'app/modules/**', 'app/lib/**', 'scripts/**', 'tests/**', 'bench/**', 'e2e/**', 'server.ts', 'prisma/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
)
