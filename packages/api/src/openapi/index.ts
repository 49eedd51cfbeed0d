export { buildOpenApiDocument } from './document';
export { handleRestRequest } from './rest';
export { REST_OPERATIONS, type RestOperation } from './operations';
export { procedureSchemas } from './procedure-schemas';
export { toJsonSchema, type JsonSchema } from './json-schema';
