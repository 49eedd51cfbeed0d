/** `pnpm --filter @tessera/client api:snapshot`: records this release's public schemas. */
import { writeFile } from 'node:fs/promises';
import { publicApiSnapshot, SNAPSHOT_FILE } from './snapshot';

await writeFile(SNAPSHOT_FILE, `${JSON.stringify(publicApiSnapshot(), null, 2)}\n`);
process.stdout.write(`wrote ${SNAPSHOT_FILE.pathname}\n`);
