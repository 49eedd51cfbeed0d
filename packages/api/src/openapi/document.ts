import { APP_ERROR_CODES } from '../errors';
import { toJsonSchema, type JsonSchema } from './json-schema';
import { procedureSchemas } from './procedure-schemas';
import { REST_OPERATIONS, type RestOperation } from './operations';

const ErrorBody: JsonSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['message', 'code', 'httpStatus', 'appCode'],
      properties: {
        message: { type: 'string', description: 'A readable sentence' },
        code: { type: 'string', description: 'The tRPC code, e.g. CONFLICT' },
        httpStatus: { type: 'integer' },
        appCode: {
          anyOf: [{ type: 'string', enum: Object.keys(APP_ERROR_CODES) }, { type: 'null' }],
          description: 'The domain error: branch on this, never on the message',
        },
        fieldErrors: {
          anyOf: [
            { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } },
            { type: 'null' },
          ],
          description: 'Messages per invalid field, keyed by its dotted path',
        },
      },
    },
  },
};

const pathParameters = (path: string) => [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '');

/** Query parameters: the input's top-level fields other than those in the path. */
function queryParameters(input: JsonSchema | null, inPath: string[]) {
  const properties = input?.properties ?? {};
  const required = new Set(input?.required ?? []);
  return Object.entries(properties)
    .filter(([name]) => !inPath.includes(name))
    .map(([name, schema]) => ({ name, in: 'query', required: required.has(name), schema }));
}

function operationObject(operation: RestOperation) {
  const schemas = procedureSchemas(operation.procedure);
  const input = schemas.input ? toJsonSchema(schemas.input, 'input') : null;
  const inPath = pathParameters(operation.path);
  const parameters = [
    ...inPath.map((name) => ({
      name,
      in: 'path',
      required: true,
      schema: input?.properties?.[name] ?? { type: 'string' },
    })),
    ...(operation.method === 'POST' ? [] : queryParameters(input, inPath)),
  ];
  const body =
    operation.method === 'POST' && input
      ? { requestBody: { required: true, content: { 'application/json': { schema: input } } } }
      : {};
  const error = {
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
  };
  return {
    operationId: operation.procedure,
    summary: operation.summary,
    tags: [operation.path.split('/')[1] ?? 'api'],
    parameters,
    ...body,
    // Anyone may call without a key; a key must carry the operation's scope (roles, as 3.1 allows).
    ...(schemas.keyScope ? { security: [{}, { apiKey: [schemas.keyScope] }] } : {}),
    responses: {
      '200': {
        description: 'OK',
        content: {
          'application/json': { schema: toJsonSchema(schemas.output, 'output') },
        },
      },
      '400': { description: 'Invalid input (appCode VALIDATION and fieldErrors)', ...error },
      '401': { description: 'An API key that is unknown or revoked', ...error },
      '403': { description: "The API key lacks this operation's scope", ...error },
      '404': { description: 'Not found', ...error },
      '409': { description: 'Taken, sold out, or the hold expired', ...error },
      '429': {
        description: 'Too many calls; wait the Retry-After header (seconds)',
        headers: { 'Retry-After': { schema: { type: 'integer' } } },
        ...error,
      },
    },
  };
}

/** OpenAPI 3.1 of the public procedures, from the routers' own zod schemas. */
export function buildOpenApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const operation of REST_OPERATIONS) {
    const path = `/api/v1${operation.path}`;
    (paths[path] ??= {})[operation.method.toLowerCase()] = operationObject(operation);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Tessera API',
      version: '1.0.0',
      description:
        "Book seats, tickets and time slots. Send `Authorization: Bearer <API key>` (keys are made in the console). Dates are ISO 8601; amounts are integers in the currency's minor unit.",
    },
    components: {
      securitySchemes: { apiKey: { type: 'http', scheme: 'bearer' } },
      schemas: { Error: ErrorBody },
    },
    security: [{}, { apiKey: [] }],
    paths,
  };
}
