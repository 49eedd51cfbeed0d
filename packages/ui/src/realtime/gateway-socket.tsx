'use client';

import type { ClientToServerEvents, ServerToClientEvents } from '@tessera/api/realtime';
import { createContext, useContext, type ReactNode } from 'react';
import { io, type Socket } from 'socket.io-client';

export type GatewaySocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const GatewayUrl = createContext<string | undefined>(undefined);

/** Where the realtime gateway is (NEXT_PUBLIC_REALTIME_URL, read by the layout on the server). */
export function RealtimeProvider({ url, children }: { url?: string; children: ReactNode }) {
  return <GatewayUrl.Provider value={url}>{children}</GatewayUrl.Provider>;
}

const sockets = new Map<string, GatewaySocket>();

/**
 * One connection per tab, shared by every live component and kept across client-side
 * navigation (rooms are joined and left, the socket stays). WebSocket only: several gateway
 * instances behind a load balancer then need no sticky sessions (long-polling would).
 * Undefined when no gateway is configured: pages then rely on fetching alone.
 */
export function useGatewaySocket(): GatewaySocket | undefined {
  const url = useContext(GatewayUrl);
  if (!url || typeof window === 'undefined') return undefined;
  let socket = sockets.get(url);
  if (!socket) {
    socket = io(url, { transports: ['websocket'] });
    sockets.set(url, socket);
  }
  return socket;
}
