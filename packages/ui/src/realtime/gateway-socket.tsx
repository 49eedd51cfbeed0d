'use client';

import type { ClientToServerEvents, ServerToClientEvents } from '@tessera/api/realtime';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { Socket } from 'socket.io-client';

export type GatewaySocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const GatewayUrl = createContext<string | undefined>(undefined);

/** Where the realtime gateway is (NEXT_PUBLIC_REALTIME_URL, read by the layout on the server). */
export function RealtimeProvider({ url, children }: { url?: string; children: ReactNode }) {
  return <GatewayUrl.Provider value={url}>{children}</GatewayUrl.Provider>;
}

const sockets = new Map<string, Promise<GatewaySocket>>();

/**
 * One connection per tab, shared by every live component and kept across client-side
 * navigation (rooms are joined and left, the socket stays). WebSocket only: several gateway
 * instances behind a load balancer then need no sticky sessions (long-polling would).
 * socket.io-client is fetched after the page is up, so it is not part of the first load.
 */
function connect(url: string): Promise<GatewaySocket> {
  let socket = sockets.get(url);
  if (!socket) {
    socket = import('socket.io-client').then(({ io }) => io(url, { transports: ['websocket'] }));
    // A failed download is tried again by the next page that goes live.
    socket.catch(() => sockets.delete(url));
    sockets.set(url, socket);
  }
  return socket;
}

/**
 * The tab's gateway connection once it is loaded; undefined until then, or when no gateway
 * is configured (pages then rely on fetching alone).
 */
export function useGatewaySocket(): GatewaySocket | undefined {
  const url = useContext(GatewayUrl);
  const [socket, setSocket] = useState<GatewaySocket>();
  useEffect(() => {
    if (!url) return;
    let active = true;
    connect(url).then(
      (connected) => {
        if (active) setSocket(connected);
      },
      // Not downloaded: the page keeps fetching on its own.
      () => undefined,
    );
    return () => {
      active = false;
    };
  }, [url]);
  return socket;
}
