import http from 'node:http';
import https from 'node:https';

const TIMEOUT_MS = 10_000;

/**
 * POSTs a body and resolves with the response status (0 when the request failed).
 * A fresh connection per request (`agent: false`) so nothing keeps a receiver's server open.
 */
export function postJson(
  url: string,
  body: string,
  headers: Record<string, string>,
  signal: AbortSignal,
): Promise<number> {
  return new Promise((resolve) => {
    const target = new URL(url);
    const transport = target.protocol === 'https:' ? https : http;
    const request = transport.request(
      target,
      {
        method: 'POST',
        agent: false,
        signal,
        timeout: TIMEOUT_MS,
        headers: { ...headers, 'Content-Length': Buffer.byteLength(body), Connection: 'close' },
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
        response.on('error', () => resolve(0));
      },
    );
    request.on('timeout', () => request.destroy());
    request.on('error', () => resolve(0));
    request.end(body);
  });
}
