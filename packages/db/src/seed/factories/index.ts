export * from './types';
export * from './identity';
export * from './places';
export * from './catalog';
export * from './trips';
export * from './seating';
export * from './occurrences';
