import base from '@tessera/eslint-config/base';

export default [
  ...base,
  {
    // The env modules are the one place that reads process.env (CONVENTIONS.md: "validated
    // once per process ... read nowhere else"); the rule guards every other file.
    files: ['src/env.ts', 'src/testing/env.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    // The example is an integrator's standalone program: its environment is its configuration.
    files: ['example/**/*.mjs'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    // Type tests call what does not exist on purpose (under @ts-expect-error).
    files: ['src/**/*.types.test.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
    },
  },
];
