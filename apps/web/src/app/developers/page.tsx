import { buildOpenApiDocument } from '@tessera/api/openapi';
import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Developers' };

interface Parameter {
  name: string;
  in: string;
  required: boolean;
  schema: { type?: unknown; description?: string };
}

interface Operation {
  operationId: string;
  summary: string;
  parameters: Parameter[];
  requestBody?: { content: { 'application/json': { schema: unknown } } };
  responses: Record<
    string,
    { description: string; content?: { 'application/json': { schema: unknown } } }
  >;
}

const typeOf = (schema: Parameter['schema']) =>
  typeof schema.type === 'string' ? schema.type : 'value';

/** The API reference, rendered from the same OpenAPI document as /api/openapi.json. */
export default function DevelopersPage() {
  const document = buildOpenApiDocument();
  const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({
      path,
      method: method.toUpperCase(),
      operation: operation as Operation,
    })),
  );
  return (
    <article className="space-y-8">
      <header className="space-y-3">
        <h1 className="text-3xl font-semibold">Tessera API</h1>
        <p className="text-slate-700">{document.info.description}</p>
        <p className="text-slate-700">
          The machine-readable description is{' '}
          <a className="font-medium text-brand-700 underline" href="/api/openapi.json">
            /api/openapi.json
          </a>{' '}
          (OpenAPI 3.1). From TypeScript, <code>@tessera/client</code> gives the same API typed.
          Errors answer with <code>{'{ error: { message, appCode, fieldErrors } }'}</code>; a key
          over its budget gets HTTP 429 with <code>Retry-After</code>.
        </p>
      </header>
      <nav aria-label="Endpoints">
        <ul className="grid gap-1 sm:grid-cols-2">
          {operations.map(({ path, method, operation }) => (
            <li key={operation.operationId}>
              <a className="text-brand-700 underline" href={`#${operation.operationId}`}>
                <span className="font-mono text-sm">{method}</span> {path}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {operations.map(({ path, method, operation }) => (
        <section
          key={operation.operationId}
          id={operation.operationId}
          aria-labelledby={`${operation.operationId}-title`}
          className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
        >
          <h2 id={`${operation.operationId}-title`} className="text-xl font-semibold">
            <span className="font-mono">{method}</span> <span className="font-mono">{path}</span>
          </h2>
          <p className="text-slate-700">{operation.summary}</p>
          {operation.parameters.length ? (
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Parameters of {operation.operationId}</caption>
              <thead>
                <tr>
                  <th scope="col">Parameter</th>
                  <th scope="col">In</th>
                  <th scope="col">Type</th>
                  <th scope="col">Required</th>
                </tr>
              </thead>
              <tbody>
                {operation.parameters.map((parameter) => (
                  <tr key={`${parameter.in}:${parameter.name}`}>
                    <td className="font-mono">{parameter.name}</td>
                    <td>{parameter.in}</td>
                    <td>{typeOf(parameter.schema)}</td>
                    <td>{parameter.required ? 'yes' : 'no'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          {operation.requestBody ? (
            <details>
              <summary className="cursor-pointer font-medium">Request body (JSON Schema)</summary>
              <pre className="overflow-x-auto rounded bg-slate-50 p-3 text-xs">
                {JSON.stringify(operation.requestBody.content['application/json'].schema, null, 2)}
              </pre>
            </details>
          ) : null}
          <details>
            <summary className="cursor-pointer font-medium">Response (JSON Schema)</summary>
            <pre className="overflow-x-auto rounded bg-slate-50 p-3 text-xs">
              {JSON.stringify(
                operation.responses['200']?.content?.['application/json'].schema,
                null,
                2,
              )}
            </pre>
          </details>
        </section>
      ))}
    </article>
  );
}
