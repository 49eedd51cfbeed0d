import base from '@tessera/eslint-config/base';

export default [
  ...base,
  {
    // The env modules are the one place that reads process.env (CONVENTIONS.md: "validated
    // once per process ... read nowhere else"); the rule guards every other file.
    files: ['src/env.ts', 'src/testing/env.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
];
