import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { breakingChanges } from './breaking-changes';
import { publicApiSnapshot, SNAPSHOT_FILE, type PublicApiSnapshot } from './snapshot';

describe('the public schemas against the last release', () => {
  it('break nothing that the released snapshot promised', async () => {
    const released = JSON.parse(await readFile(SNAPSHOT_FILE, 'utf8')) as PublicApiSnapshot;
    const breaking = breakingChanges(released, publicApiSnapshot());
    expect(
      breaking,
      'Breaking changes to public procedures. Make them compatible, or release them on purpose: ' +
        'a new major version in CHANGELOG.md and `pnpm --filter @tessera/client api:snapshot`.',
    ).toEqual([]);
  });
});
