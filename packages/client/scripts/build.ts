import { build } from 'esbuild';
import packageJson from '../package.json' with { type: 'json' };

/**
 * The JavaScript of each entry, for Node 20 and browsers: the API's schema, error and
 * signature modules (TypeScript in a private workspace package) are compiled in; the
 * package's own dependencies stay imports. Declarations come from `tsc` (tsconfig.build.json).
 */
const external = [
  ...Object.keys(packageJson.dependencies),
  ...Object.keys(packageJson.peerDependencies),
].flatMap((name) => [name, `${name}/*`]);

await build({
  entryPoints: ['src/index.ts', 'src/react.tsx', 'src/schemas.ts', 'src/webhooks.ts'],
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'neutral',
  target: 'es2022',
  jsx: 'automatic',
  external: [...external, 'node:*'],
  sourcemap: true,
  logLevel: 'warning',
});
