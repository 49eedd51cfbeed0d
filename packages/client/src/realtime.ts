import { AvailabilityEvent, occurrenceRoom, type JoinResult } from '@tessera/api/realtime';
import { io } from 'socket.io-client';

export interface SubscribeOptions {
  /** The realtime gateway's address (the worker's gateway role), e.g. wss://live.example.com. */
  gatewayUrl: string;
  /** After each (re)join: fetch again what may have changed while not in the room. */
  onJoined?: () => void;
}

/**
 * Calls `onChange` with the occurrence's availability (remaining places, seat states) each
 * time it changes, until the returned function is called. The room is joined again after
 * every reconnection; pushes that do not match the published schema are dropped.
 */
export function subscribeToOccurrence(
  occurrenceId: string,
  onChange: (availability: AvailabilityEvent) => void,
  { gatewayUrl, onJoined }: SubscribeOptions,
): () => void {
  const room = occurrenceRoom(occurrenceId);
  const socket = io(gatewayUrl, { transports: ['websocket'] });
  socket.on('connect', () => {
    socket.emit('join', { room }, (result: JoinResult) => {
      if (result.ok) onJoined?.();
    });
  });
  socket.on('availability', (payload: unknown) => {
    const parsed = AvailabilityEvent.safeParse(payload);
    if (parsed.success && parsed.data.occurrenceId === occurrenceId.toLowerCase())
      onChange(parsed.data);
  });
  return () => {
    socket.disconnect();
  };
}
