/**
 * Room names, without zod: browser code imports these, and importing `./events` would put
 * zod's schemas in every page's first-load JavaScript.
 */

/** Ids are emitted as Postgres prints them (lower case); a URL may carry them in upper case. */
export const occurrenceRoom = (occurrenceId: string) => `occurrence:${occurrenceId.toLowerCase()}`;
export const orgRoom = (orgId: string) => `org:${orgId}`;
export const bookingRoom = (reference: string) => `booking:${reference}`;
export const isPublicRoom = (room: string) => room.startsWith('occurrence:');
