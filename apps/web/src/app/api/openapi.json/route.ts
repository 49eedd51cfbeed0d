import { buildOpenApiDocument } from '@tessera/api/openapi';

// Built from the routers once per server; it changes only with a deploy.
const document = buildOpenApiDocument();

export function GET() {
  return Response.json(document, { headers: { 'access-control-allow-origin': '*' } });
}
