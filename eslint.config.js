import js from '@eslint/js'
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
    // Only routes (not their tests) are forbidden from importing the database.
    files: ['**/*.test.ts', '**/*.test.tsx', 'app/modules/**', 'app/lib/**', 'scripts/**', 'tests/**', 'bench/**', 'e2e/**', 'server.ts', 'prisma/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
)
