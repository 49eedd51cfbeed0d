import type { ClientToServerEvents, ServerToClientEvents } from '@tessera/api/realtime';
import type { Server } from 'socket.io';

/** Events both ways typed by the schemas the browsers share; no server-to-server events. */
export type GatewayServer = Server<ClientToServerEvents, ServerToClientEvents>;
