/**
 * Live pushes from the realtime gateway for React pages (the site's seat maps and booking
 * pages, the console's feed). Its own entry, so pages without live parts load no socket code.
 */
export { RealtimeProvider, useGatewaySocket, type GatewaySocket } from './gateway-socket';
export { useRoom, type RoomOptions } from './use-room';
