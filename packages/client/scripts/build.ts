import { mkdir, writeFile } from 'node:fs/promises';
import { generateDtsBundle } from 'dts-bundle-generator';
import { build } from 'esbuild';
import packageJson from '../package.json' with { type: 'json' };

const entries = ['src/index.ts', 'src/react.tsx', 'src/schemas.ts', 'src/webhooks.ts'];

/**
 * The JavaScript of each entry, for Node 20 and browsers: the API's schema, error and
 * signature modules (TypeScript in a private workspace package) are compiled in; the
 * package's own dependencies stay imports.
 */
const external = [
  ...Object.keys(packageJson.dependencies),
  ...Object.keys(packageJson.peerDependencies),
].flatMap((name) => [name, `${name}/*`]);

await build({
  entryPoints: entries,
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

/**
 * One self-contained declaration file per entry: the router's and schemas' types are
 * inlined from @tessera/api and @tessera/db (private, never installed by an integrator),
 * so the declarations import only the package's dependencies. tsconfig.build.json maps the
 * workspace packages to their sources, which the bundler needs to inline them.
 */
const declarations = generateDtsBundle(
  entries.map((filePath) => ({
    filePath,
    output: { exportReferencedTypes: false, noBanner: true },
  })),
  { preferredConfigPath: 'tsconfig.build.json' },
);
await mkdir('dist', { recursive: true });
await Promise.all(
  entries.map((entry, index) =>
    writeFile(entry.replace(/^src\/(.+)\.tsx?$/, 'dist/$1.d.ts'), declarations[index] ?? ''),
  ),
);
