/** Socket.IO clients for the realtime tests and the benchmark: join, and wait for pushes. */
import type {
  ClientToServerEvents,
  JoinRequest,
  JoinResult,
  ServerToClientEvents,
} from '@tessera/api/realtime';
import { io, type Socket } from 'socket.io-client';

export type GatewayClient = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Connected (websocket only, as the site connects) or rejects; `origin` as a browser sends it. */
export function connectClient(url: string, origin?: string): Promise<GatewayClient> {
  const socket: GatewayClient = io(url, {
    transports: ['websocket'],
    reconnection: false,
    extraHeaders: origin ? { origin } : undefined,
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

export function joinRoom(socket: GatewayClient, request: JoinRequest): Promise<JoinResult> {
  return socket.timeout(5_000).emitWithAck('join', request);
}

type EventName = keyof ServerToClientEvents;
type Payload<E extends EventName> = Parameters<ServerToClientEvents[E]>[0];

/** Every payload of `event` this socket receives, in order. */
export function recordEvents<E extends EventName>(socket: GatewayClient, event: E) {
  const received: Payload<E>[] = [];
  const waiters = new Set<() => void>();
  const listener = (payload: Payload<E>) => {
    received.push(payload);
    for (const waiter of waiters) waiter();
  };
  // socket.io-client's typed `on` cannot relate a generic event to its listener.
  (socket.on as (name: string, fn: (payload: Payload<E>) => void) => void)(event, listener);
  return {
    received,
    /** Resolves with the first payload (already received or to come) matching `match`. */
    waitFor(match: (payload: Payload<E>) => boolean, timeoutMs = 5_000): Promise<Payload<E>> {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = received.find(match);
          if (found === undefined) return;
          done();
          resolve(found);
        };
        const timer = setTimeout(() => {
          done();
          reject(
            new Error(
              `no matching '${event}' within ${timeoutMs} ms (${received.length} received)`,
            ),
          );
        }, timeoutMs);
        const done = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
  };
}
