// Flat config: typescript-eslint strict everywhere, React hooks rules in the renderer,
// and the boundary rules of DESIGN.md (the renderer never touches Node or Electron).
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** VariantDeskCore's services and database: the core's own, not the fronts'. */
const coreInternals =
  'db|jobs|datasets|pathogens|analyses|clusterings|models|classifications|classifiers|classify';
const nodeOnly = ['electron', 'node:*', 'better-sqlite3', 'onnxruntime-node', 'fs', 'path', 'os'];

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'bench/.cache/**', 'src/core/registry/migrations/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodeOnly, message: 'The renderer runs in a sandbox: use window.variantdesk.' },
            {
              group: ['**/core/**', '**/main/**', '**/server/**'],
              message: 'The renderer only imports src/shared.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...nodeOnly, '**/core/**', '**/main/**'],
              message: 'shared depends on zod only.',
            },
          ],
        },
      ],
    },
  },
  {
    // The fronts call the core's operations, never its services or its database.
    files: ['src/server/**/*.ts', 'src/cli/**/*.ts', 'src/main/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: `MemberExpression[object.name=/^(core|source)$/][property.name=/^(${coreInternals})$/]`,
          message:
            'Fronts call core operations (core.call, classifyStream, waitForJob...), not its internals.',
        },
        {
          selector: `MemberExpression[object.property.name='core'][property.name=/^(${coreInternals})$/]`,
          message:
            'Fronts call core operations (core.call, classifyStream, waitForJob...), not its internals.',
        },
      ],
    },
  },
  {
    files: ['src/core/**/*.ts', 'src/server/**/*.ts', 'src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'Only src/main imports electron.' }] },
      ],
    },
  },
  {
    // Functions are steps with names: at most 80 lines (blank lines and comments not counted).
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      'max-lines-per-function': [
        'error',
        { max: 80, skipBlankLines: true, skipComments: true, IIFEs: true },
      ],
    },
  },
  {
    // The exceptions: hot inner loops kept whole, where a call per step costs measurably
    // (alignment DP, forest split scan and growth, the linear models' epoch loop).
    files: [
      'src/core/analysis/align/banded-dp.ts',
      'src/core/ml/forest/grow-tree.ts',
      'src/core/ml/forest/split-scan.ts',
      'src/core/ml/linear/train-loop.ts',
    ],
    rules: { 'max-lines-per-function': 'off' },
  },
);
