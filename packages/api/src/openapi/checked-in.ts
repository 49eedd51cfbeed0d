import { fileURLToPath } from 'node:url';

/** The document as committed (docs/openapi.json), compared with the routers by a test. */
export const CHECKED_IN_DOCUMENT = fileURLToPath(
  new URL('../../../../docs/openapi.json', import.meta.url),
);

export const serializeDocument = (document: unknown) => `${JSON.stringify(document, null, 2)}\n`;
