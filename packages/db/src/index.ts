export { createDb, prepared, type Db, type CreateDbOptions } from './client';
export { migrateToLatest, migrations } from './migrate';
export { isUniqueViolation, pgErrorCode, PG_ERRORS } from './errors';
export type * from './schema';
export type { DB as Database } from './schema';
export { hashPassword, verifyPassword } from './passwords';
export { stockOccurrence } from './inventory';
export {
  generateSeats,
  letterLabel,
  MAP_MARGIN,
  mapBounds,
  SECTION_GAP,
  type GeneratedSeat,
  type SeatPosition,
  type SeatSectionSpec,
} from './seat-geometry';
