export * from './factories';
export { DEMO, assertDemoSeedAllowed, seedDemo, type DemoSeed, type SeedDemoOptions } from './demo';
export { DEMO_OFFERING_SLUGS, type SeededOffering } from './demo-offerings';
export { addMinutes, atLocalTime, daysFromNowAt, localDateAt } from './time';
