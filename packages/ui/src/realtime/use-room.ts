'use client';

import type { JoinResult, ServerToClientEvents } from '@tessera/api/realtime';
import { useEffect, useRef, useState } from 'react';
import { useGatewaySocket } from './gateway-socket';

const JOIN_TIMEOUT_MS = 5_000;

type EventName = keyof ServerToClientEvents;
type Payload<E extends EventName> = Parameters<ServerToClientEvents[E]>[0];

export interface RoomOptions<E extends EventName> {
  /** `occurrence:<id>`, `booking:<reference>`…; nothing is joined while undefined. */
  room: string | undefined;
  event: E;
  /** Pushes of `event` meant for this room (one socket carries every room of the tab). */
  belongs: (payload: Payload<E>) => boolean;
  onEvent: (payload: Payload<E>) => void;
  /** For private rooms: a fresh token from the API, asked for at each (re)join. */
  token?: () => Promise<string>;
  /** After each (re)join: what was missed while not in the room is fetched again. */
  onJoined: () => void;
}

/**
 * Joins a room of the realtime gateway on every (re)connection and hands its pushes over.
 * Returns whether the room is joined now: callers poll less while it is.
 */
export function useRoom<E extends EventName>(options: RoomOptions<E>): boolean {
  const socket = useGatewaySocket();
  const [joined, setJoined] = useState(false);
  // The latest callbacks, without re-joining when a render makes new ones.
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });
  const { room, event } = options;

  useEffect(() => {
    if (!socket || !room) return;
    let active = true;
    const join = async () => {
      try {
        const token = await latest.current.token?.();
        const result = await new Promise<JoinResult>((resolve, reject) => {
          socket.timeout(JOIN_TIMEOUT_MS).emit('join', { room, token }, (error, answer) => {
            if (error) reject(error);
            else resolve(answer);
          });
        });
        if (!active) return;
        setJoined(result.ok);
        if (result.ok) latest.current.onJoined();
      } catch {
        // No answer or no token: the page keeps fetching on its own; the next reconnect retries.
        if (active) setJoined(false);
      }
    };
    const left = () => setJoined(false);
    const handle = (payload: Payload<E>) => {
      if (latest.current.belongs(payload)) latest.current.onEvent(payload);
    };
    // socket.io-client's typed `on` cannot relate a generic event name to its listener.
    const on = socket.on.bind(socket) as (name: string, fn: (payload: Payload<E>) => void) => void;
    const off = socket.off.bind(socket) as (
      name: string,
      fn: (payload: Payload<E>) => void,
    ) => void;
    on(event, handle);
    socket.on('connect', join);
    socket.on('disconnect', left);
    if (socket.connected) void join();
    return () => {
      active = false;
      off(event, handle);
      socket.off('connect', join);
      socket.off('disconnect', left);
      if (socket.connected) socket.emit('leave', { room }, () => undefined);
    };
  }, [socket, room, event]);

  return joined;
}
