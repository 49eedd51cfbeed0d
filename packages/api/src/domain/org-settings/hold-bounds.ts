/**
 * How long a hold keeps places for a buyer, in minutes (the database allows 1 to 1440). Its
 * own module so the console's form imports two numbers, not the schemas' dependencies.
 */
export const HOLD_MINUTES_MIN = 1;
export const HOLD_MINUTES_MAX = 120;
