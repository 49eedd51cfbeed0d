/** `pnpm --filter @tessera/api openapi:write`: rewrites docs/openapi.json from the routers. */
import { writeFile } from 'node:fs/promises';
import { CHECKED_IN_DOCUMENT, serializeDocument } from './checked-in';
import { buildOpenApiDocument } from './document';

await writeFile(CHECKED_IN_DOCUMENT, serializeDocument(buildOpenApiDocument()));
process.stdout.write(`wrote ${CHECKED_IN_DOCUMENT}\n`);
