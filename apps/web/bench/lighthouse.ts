/**
 * `pnpm bench:web`: Lighthouse (performance, accessibility) in Debian's Chromium on the
 * site's production build, for the home page and a 300-seat date, plus the first-load JS
 * (gzipped) of that date's page. Builds the site, seeds its own database, starts `next
 * start`, prints the figures against their targets. A missed target never fails the run.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { createDb } from '@tessera/db';
import {
  createOccurrence,
  createOffering,
  createOrg,
  createSeatMap,
  createTicketType,
  createVenue,
} from '@tessera/db/seed';
import { childProcessEnv, recreateDemoDatabase, testEnv } from '@tessera/db/testing';
import { databaseUrl, E2E_REALTIME_TOKEN_SECRET } from '@tessera/playwright-config';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';

const webDir = fileURLToPath(new URL('..', import.meta.url));
const DATABASE = 'tessera_bench_web';
const TARGET_SCORE = 90;
const TARGET_FIRST_LOAD_KB = 200;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

/** Resolves when `url` answers, or fails after `ms`. */
async function waitFor(url: string, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer within ${ms} ms`);
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.pid === undefined) return resolve();
    child.once('exit', () => resolve());
    process.kill(-child.pid, 'SIGTERM');
  });
}

/** A concert hall date of exactly 300 seats: three sections of 10 rows x 10. */
async function seatedDate(url: string): Promise<string> {
  const db = createDb(url, { max: 2 });
  try {
    const org = await createOrg(db, { name: 'Bench Hall', slug: 'bench-hall' });
    const venue = await createVenue(db, { org, name: 'Bench Hall', timeZone: 'Europe/Paris' });
    const { seatMap } = await createSeatMap(db, {
      org,
      venue,
      name: '300 seats',
      sections: ['Stalls', 'Circle', 'Balcony'].map((name, index) => ({
        name,
        rows: 10,
        seatsPerRow: 10,
        category: ['premium', 'standard', 'economy'][index] ?? 'standard',
        origin: { x: 0, y: index * 140 },
      })),
    });
    const offering = await createOffering(db, { org, venue, slug: 'bench-300', name: 'Bench 300' });
    for (const [category, priceAmount] of [
      ['premium', 8000],
      ['standard', 5000],
      ['economy', 3000],
    ] as const) {
      await createTicketType(db, { offering, name: category, seatCategory: category, priceAmount });
    }
    const occurrence = await createOccurrence(db, { offering, seatMap });
    return `/o/${offering.slug}/${occurrence.id}`;
  } finally {
    await db.destroy();
  }
}

/**
 * Gzipped size of each script the page's HTML loads before anything else happens. Legacy
 * polyfills (`<script noModule>`) are left out: Chromium, like every browser with modules,
 * never downloads them.
 */
async function firstLoadJs(pageUrl: string): Promise<{ src: string; gzipBytes: number }[]> {
  const html = await (await fetch(pageUrl)).text();
  const sources = new Set(
    [...html.matchAll(/<script([^>]*)\ssrc="([^"]+\.js)"([^>]*)>/g)]
      .filter((match) => !/\snomodule\b/i.test(`${match[1]} ${match[3]}`))
      .map((match) => match[2] ?? ''),
  );
  return [...sources]
    .map((src) => {
      const path = decodeURIComponent(new URL(src, pageUrl).pathname).replace(
        /^\/_next\//,
        '.next/',
      );
      return { src, gzipBytes: gzipSync(readFileSync(new URL(path, `file://${webDir}`))).length };
    })
    .sort((a, b) => b.gzipBytes - a.gzipBytes);
}

interface Scores {
  performance: number;
  accessibility: number;
  /** Largest contentful paint, total blocking time, cumulative layout shift, as Lighthouse shows them. */
  metrics: string;
}

async function audit(url: string, port: number, desktop: boolean): Promise<Scores> {
  const result = await lighthouse(
    url,
    { port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'] },
    desktop ? desktopConfig : undefined,
  );
  const lhr = result?.lhr;
  const score = (value: number | null | undefined) => Math.round((value ?? 0) * 100);
  const shown = (id: string) =>
    `${id
      .split('-')
      .map((word) => word[0]?.toUpperCase())
      .join('')} ${lhr?.audits[id]?.displayValue ?? '?'}`;
  return {
    performance: score(lhr?.categories.performance?.score),
    accessibility: score(lhr?.categories.accessibility?.score),
    metrics: ['largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift']
      .map(shown)
      .join(', '),
  };
}

async function main(): Promise<void> {
  if (!process.argv.includes('--no-build')) {
    console.log('building the site (next build)…');
    const build = spawnSync('pnpm', ['--filter', '@tessera/web', 'build'], { stdio: 'inherit' });
    if (build.status !== 0) throw new Error('next build failed');
  }
  const url = databaseUrl(DATABASE);
  await recreateDemoDatabase(url);
  const datePath = await seatedDate(url);

  const [sitePort, chromePort] = [await freePort(), await freePort()];
  const origin = `http://127.0.0.1:${sitePort}`;
  const site = spawn('pnpm', ['--filter', '@tessera/web', 'start'], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: childProcessEnv({
      PORT: String(sitePort),
      DATABASE_URL: url,
      REDIS_URL: testEnv.TEST_REDIS_URL,
      AUTH_SECRET: testEnv.E2E_AUTH_SECRET,
      TICKET_SIGNING_SECRET: testEnv.E2E_TICKET_SIGNING_SECRET,
      REALTIME_TOKEN_SECRET: E2E_REALTIME_TOKEN_SECRET,
      AUTH_TRUST_HOST: 'true',
      PUBLIC_SITE_URL: origin,
      // Required in production (as `next start` runs): links in staff emails point there.
      CONSOLE_URL: 'http://127.0.0.1:3001',
    }),
  });
  const chrome = spawn(
    testEnv.CHROMIUM_PATH,
    [
      '--headless=new',
      `--remote-debugging-port=${chromePort}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      'about:blank',
    ],
    { detached: true, stdio: 'ignore' },
  );
  let siteOutput = '';
  const keep = (chunk: Buffer) => (siteOutput = (siteOutput + chunk.toString()).slice(-4_000));
  site.stdout?.on('data', keep);
  site.stderr?.on('data', keep);
  try {
    await waitFor(`${origin}/signin`).catch((error: unknown) => {
      throw new Error(`the site did not start:\n${siteOutput}`, { cause: error });
    });
    await waitFor(`http://127.0.0.1:${chromePort}/json/version`);
    // One request each first, so the figures are not those of a cold server.
    await fetch(`${origin}/`);
    await fetch(`${origin}${datePath}`);

    const rows: { page: string; mode: string; scores: Scores }[] = [];
    for (const [page, path] of [
      ['home', '/'],
      ['300-seat date', datePath],
    ] as const) {
      for (const desktop of [false, true]) {
        const scores = await audit(`${origin}${path}`, chromePort, desktop);
        rows.push({ page, mode: desktop ? 'desktop' : 'mobile', scores });
        console.log(
          `${page} (${desktop ? 'desktop' : 'mobile'}): performance ${scores.performance}, accessibility ${scores.accessibility} (${scores.metrics})`,
        );
      }
    }
    const scripts = await firstLoadJs(`${origin}${datePath}`);
    const kb = scripts.reduce((sum, script) => sum + script.gzipBytes, 0) / 1024;
    console.log('\nlargest first-load scripts of the date page (gzip):');
    for (const script of scripts.slice(0, 5)) {
      console.log(`  ${(script.gzipBytes / 1024).toFixed(1).padStart(6)} kB  ${script.src}`);
    }

    const mark = (ok: boolean) => (ok ? 'met' : 'NOT met');
    console.log('\nfigure                                   value    target   ');
    for (const { page, mode, scores } of rows) {
      for (const category of ['performance', 'accessibility'] as const) {
        const value = scores[category];
        console.log(
          `${`${page}, ${mode}, ${category}`.padEnd(41)}${String(value).padEnd(9)}>= ${TARGET_SCORE}    ${mark(value >= TARGET_SCORE)}`,
        );
      }
    }
    console.log(
      `${'300-seat date, first-load JS (gzip)'.padEnd(41)}${`${kb.toFixed(1)} kB`.padEnd(9)}<= ${TARGET_FIRST_LOAD_KB} kB ${mark(kb <= TARGET_FIRST_LOAD_KB)}  (${scripts.length} scripts; ratio to target ${(kb / TARGET_FIRST_LOAD_KB).toFixed(2)})`,
    );
  } finally {
    await Promise.all([stop(site), stop(chrome)]);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
