import superjson from 'superjson';

/** A refused call, with the `data.appCode` the API's error formatter adds. */
export class TrpcCallError extends Error {
  override readonly name = 'TrpcCallError';
  constructor(
    readonly httpStatus: number,
    readonly appCode: string | null,
    message: string,
  ) {
    super(message);
  }
}

interface Envelope {
  result?: { data: Parameters<typeof superjson.deserialize>[0] };
  error?: { json: { message: string; data?: { appCode?: string | null } } };
}

/**
 * Calls procedures the way `@tessera/client` does on the wire (superjson bodies, one call per
 * request), with `fetch` and nothing else, so the load generator stays light.
 */
export function trpcOverHttp(baseUrl: string) {
  async function read<T>(response: Response): Promise<T> {
    const body = (await response.json()) as Envelope;
    if (body.error || !body.result) {
      const error = body.error?.json;
      throw new TrpcCallError(
        response.status,
        error?.data?.appCode ?? null,
        error?.message ?? `HTTP ${response.status}`,
      );
    }
    return superjson.deserialize<T>(body.result.data);
  }
  return {
    async mutation<T>(path: string, input: unknown): Promise<T> {
      const response = await fetch(`${baseUrl}/api/trpc/${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(superjson.serialize(input)),
      });
      return read<T>(response);
    },
    async query<T>(path: string, input: unknown): Promise<T> {
      const encoded = encodeURIComponent(JSON.stringify(superjson.serialize(input)));
      return read<T>(await fetch(`${baseUrl}/api/trpc/${path}?input=${encoded}`));
    },
  };
}

export type TrpcOverHttp = ReturnType<typeof trpcOverHttp>;
