import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { CHECKED_IN_DOCUMENT, serializeDocument } from './checked-in';
import { buildOpenApiDocument } from './document';

describe('the OpenAPI document', () => {
  it('matches the checked-in docs/openapi.json', async () => {
    const checkedIn = await readFile(CHECKED_IN_DOCUMENT, 'utf8');
    const current = serializeDocument(buildOpenApiDocument());
    expect(
      current === checkedIn,
      'docs/openapi.json no longer matches the routers: run `pnpm --filter @tessera/api openapi:write` and commit it',
    ).toBe(true);
  });

  it('describes each public operation with its input, output and errors', () => {
    const { paths } = buildOpenApiDocument();
    expect(Object.keys(paths)).toContain('/api/v1/holds');
    const create = paths['/api/v1/holds']?.post as {
      requestBody: { content: { 'application/json': { schema: { anyOf: unknown[] } } } };
      responses: Record<string, unknown>;
      security: unknown[];
    };
    expect(create.requestBody.content['application/json'].schema.anyOf).toHaveLength(2);
    expect(Object.keys(create.responses)).toEqual([
      '200',
      '400',
      '401',
      '403',
      '404',
      '409',
      '429',
    ]);
    expect(create.security).toEqual([{}, { apiKey: ['bookings:write'] }]);
    const get = paths['/api/v1/holds/{holdId}']?.get as {
      parameters: { name: string; in: string }[];
    };
    expect(get.parameters).toEqual([expect.objectContaining({ name: 'holdId', in: 'path' })]);
  });
});
