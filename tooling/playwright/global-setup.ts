import type { FullConfig } from '@playwright/test';
import { recreateDemoDatabase } from '@tessera/db/testing';
import { databaseUrl } from './index';

/** A fresh demo database for each run of a suite (its name is in the config's metadata). */
export default async function globalSetup(config: FullConfig): Promise<void> {
  const name: unknown = config.metadata.databaseName;
  if (typeof name !== 'string') throw new Error('defineAppSuite puts databaseName in the metadata');
  await recreateDemoDatabase(databaseUrl(name));
}
