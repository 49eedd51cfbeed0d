import { verifyRoomToken } from '@tessera/api/domain/realtime/room-token';
import { isPublicRoom, JoinRequest, type JoinResult } from '@tessera/api/realtime';
import type { Socket } from 'socket.io';
import { z } from 'zod';
import type { Logger } from '../log';
import type { GatewayServer } from './types';

const LeaveRequest = JoinRequest.pick({ room: true });
type Ack = (result: JoinResult) => void;

/** A client that sends anything else (or no ack) is not one of ours: it is disconnected. */
const ALLOWED_EVENTS = new Set(['join', 'leave']);

/**
 * What a client may do: join or leave a room. `occurrence:` rooms are public; `org:` and
 * `booking:` rooms need a token the API signed for that very room. Clients never emit into
 * rooms: every push comes from the gateway itself.
 */
export function handleRoomRequests(io: GatewayServer, secret: string, log: Logger): void {
  io.on('connection', (socket: Socket) => {
    socket.onAny((event: string, ...args: unknown[]) => {
      if (ALLOWED_EVENTS.has(event) && typeof args.at(-1) === 'function') return;
      log.debug(`realtime: ${socket.id} sent '${event}'; disconnected`);
      socket.disconnect(true);
    });

    socket.on('join', (raw: unknown, ack: unknown) => {
      if (typeof ack !== 'function') return;
      const reply = ack as Ack;
      const request = JoinRequest.safeParse(raw);
      if (!request.success) {
        reply({ ok: false, error: z.prettifyError(request.error).replaceAll('\n', '; ') });
        return;
      }
      const { room, token } = request.data;
      if (!isPublicRoom(room)) {
        const check = token
          ? verifyRoomToken(secret, token, room)
          : ({ ok: false, reason: 'invalid' } as const);
        if (!check.ok) {
          reply({
            ok: false,
            error:
              check.reason === 'expired'
                ? 'This access has expired; ask for a new token.'
                : 'This room needs a valid token from the API.',
          });
          return;
        }
      }
      void socket.join(room);
      reply({ ok: true });
    });

    socket.on('leave', (raw: unknown, ack: unknown) => {
      if (typeof ack !== 'function') return;
      const request = LeaveRequest.safeParse(raw);
      if (request.success) void socket.leave(request.data.room);
      (ack as Ack)(request.success ? { ok: true } : { ok: false, error: 'Unknown room' });
    });
  });
}
