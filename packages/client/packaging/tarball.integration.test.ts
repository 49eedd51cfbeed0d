import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import {
  createOccurrence,
  createOffering,
  createOrg,
  createStaffUser,
  createTicketType,
} from '@tessera/db/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueApiKey, startApiServer, type ApiServer } from '../test-support/api-server';

/**
 * The package as an integrator gets it: `pnpm pack`, installed with npm from the registry
 * into a directory outside the workspace, so nothing of the monorepo can stand in for what
 * the tarball lacks.
 */
const run = promisify(execFile);
const packageDir = fileURLToPath(new URL('..', import.meta.url));
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
let consumer: string;
let api: ApiServer;

beforeAll(async () => {
  consumer = await mkdtemp(join(tmpdir(), 'tessera-client-consumer-'));
  const [server] = await Promise.all([
    startApiServer(),
    run('pnpm', ['pack', '--pack-destination', consumer], { cwd: packageDir }),
  ]);
  api = server;
  const tarball = (await readdir(consumer)).find((name) => name.endsWith('.tgz'));
  if (!tarball) throw new Error('pnpm pack made no tarball');
  await writeFile(
    join(consumer, 'package.json'),
    JSON.stringify({ name: 'tessera-integrator', private: true, type: 'module' }),
  );
  await run(
    'npm',
    ['install', '--no-audit', '--no-fund', '--loglevel=error', `./${tarball}`, '@types/node@20'],
    { cwd: consumer },
  );
}, 110_000);

afterAll(async () => {
  await api?.close();
  if (consumer) await rm(consumer, { recursive: true, force: true });
});

const installed = () => join(consumer, 'node_modules', '@tessera', 'client');

describe('the packed @tessera/client', () => {
  it('declares only what it depends on: no workspace package, no workspace version', async () => {
    const manifest = JSON.parse(await readFile(join(installed(), 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
      peerDependencies: Record<string, string>;
      devDependencies?: Record<string, string>;
    };
    const declared = { ...manifest.dependencies, ...manifest.peerDependencies };
    expect(JSON.stringify(declared)).not.toMatch(/workspace:|catalog:|@tessera\//);

    const dist = join(installed(), 'dist');
    const declarations = (await readdir(dist)).filter((name) => name.endsWith('.d.ts'));
    expect(declarations.sort()).toEqual([
      'index.d.ts',
      'react.d.ts',
      'schemas.d.ts',
      'webhooks.d.ts',
    ]);
    for (const file of declarations) {
      const text = await readFile(join(dist, file), 'utf8');
      const specifiers = [...text.matchAll(/(?:from|import\()\s*['"]([^'"]+)['"]/g)].map(
        ([, specifier]) => specifier ?? '',
      );
      const packages = specifiers
        .filter((specifier) => !specifier.startsWith('.') && !specifier.startsWith('node:'))
        .map((specifier) =>
          specifier
            .split('/')
            .slice(0, specifier.startsWith('@') ? 2 : 1)
            .join('/'),
        );
      expect(
        packages.filter((name) => !(name in declared)),
        file,
      ).toEqual([]);
    }
  });

  it('typechecks an integrator program against the tarball alone, and refuses wrong inputs', async () => {
    const program = await readFile(new URL('./consumer/check-types.ts', import.meta.url), 'utf8');
    await writeFile(join(consumer, 'check-types.ts'), program);
    // The same program without its directives must not compile: the types are real, not `any`.
    await writeFile(
      join(consumer, 'unchecked.ts'),
      program.replaceAll('// @ts-expect-error', '//'),
    );
    await writeFile(
      join(consumer, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          lib: ['ES2023', 'DOM'],
          types: ['node'],
          strict: true,
          noEmit: true,
          // Third-party declarations (tRPC's optional `ws` types) are not ours to check;
          // that ours import only declared dependencies is checked above.
          skipLibCheck: true,
        },
        files: ['check-types.ts', 'unchecked.ts'],
      }),
    );
    const output = await run(process.execPath, [tsc, '-p', 'tsconfig.json'], {
      cwd: consumer,
    }).then(
      () => '',
      (error: { stdout: string }) => error.stdout,
    );
    const errors = output.split('\n').filter((line) => /^\S+\(\d+,\d+\): error/.test(line));
    expect(errors).toEqual([
      expect.stringMatching(/^unchecked\.ts\(\d+,\d+\): error TS2322: .*quantity: string/),
      expect.stringMatching(
        /^unchecked\.ts\(\d+,\d+\): error TS2345: Argument of type '"SEAT_GONE"'/,
      ),
    ]);
  }, 90_000);

  it('books with example/book.mjs run against the installed tarball', async () => {
    const org = await createOrg(api.db);
    const offering = await createOffering(api.db, { org, name: 'Tarball Night' });
    await createTicketType(api.db, {
      offering,
      name: 'Free',
      priceAmount: 0,
      quotaPerOccurrence: 5,
    });
    await createOccurrence(api.db, { offering, capacity: 5 });
    const owner = await createStaffUser(api.db, { org, role: 'owner' });
    await copyFile(new URL('../example/book.mjs', import.meta.url), join(consumer, 'book.mjs'));

    const { stdout } = await run(process.execPath, ['book.mjs'], {
      cwd: consumer,
      env: {
        TESSERA_URL: api.baseUrl,
        TESSERA_API_KEY: await issueApiKey(api, {
          orgId: org.id,
          ownerId: owner.user.id,
          scopes: ['catalog:read', 'bookings:write'],
        }),
        TESSERA_ORG: org.slug,
      },
    });
    const [reference, status] = stdout.trim().split(' ');
    expect(status).toBe('confirmed');
    const booking = await api.db
      .selectFrom('bookings')
      .select(['status', 'channel'])
      .where('reference', '=', reference ?? '')
      .executeTakeFirstOrThrow();
    expect(booking).toEqual({ status: 'confirmed', channel: 'api' });
  });
});
