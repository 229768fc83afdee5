import eslint from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import { layerRules } from './scripts/eslint-layers.mjs';

export default defineConfig(
  {
    ignores: ['dist/**', 'node_modules/**', 'bin/**', 'scripts/*.mjs', 'test/helpers/module-log/*.mjs', 'eslint.config.mjs', 'coverage/**'],
  },
  eslint.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // node:test's test() and describe() return promises the runner itself awaits.
      '@typescript-eslint/no-floating-promises': [
        'error',
        { allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['test', 'describe', 'it', 'suite'] }] },
      ],
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Platform SDKs stay inside their adapters.
    files: ['src/**/*.ts'],
    ignores: ['src/adapters/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@slack/*', 'discord.js', '@discordjs/*'], message: 'Platform SDKs belong in src/adapters/.' }] },
      ],
    },
  },
  // Each folder of src/ imports only the folders below it (scripts/layers.mjs).
  layerRules,
);
