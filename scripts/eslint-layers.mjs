// ESLint settings that enforce scripts/layers.mjs with eslint-plugin-boundaries: every folder of src/ is an element,
// and a file may import only from its own folder and the folders below it.
import boundaries from 'eslint-plugin-boundaries';
import { FOLDERS, allowedImports } from './layers.mjs';

/** @type {import('eslint').Linter.Config} */
export const layerRules = {
  files: ['src/**/*.ts'],
  plugins: { boundaries },
  settings: {
    'boundaries/elements': FOLDERS.map((folder) => ({ type: folder, pattern: `src/${folder}` })),
    'boundaries/include': ['src/**/*.ts'],
    'import/resolver': { node: { extensions: ['.ts', '.js', '.mjs'] } },
  },
  rules: {
    // A file outside every layer (a new top-level folder) must be given a place in scripts/layers.mjs first.
    'boundaries/no-unknown-files': 'error',
    'boundaries/dependencies': [
      'error',
      {
        default: 'disallow',
        message:
          'src/{{from.element.type}} may not import src/{{to.element.type}}: see the layer order in scripts/layers.mjs and the README',
        policies: FOLDERS.map((folder) => ({
          from: { element: { type: folder } },
          allow: { to: { element: { types: { anyOf: [folder, ...allowedImports(folder)] } } } },
        })),
      },
    ],
  },
};
