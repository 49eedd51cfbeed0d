import { randomUUID } from 'node:crypto';
import { testEnv } from '@tessera/db/testing';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { InventoryMessage, redisInventoryEvents } from './inventory';

const channel = `tessera:test:inventory:${randomUUID()}`;
const publisher = new Redis(testEnv.TEST_REDIS_URL);
const subscriber = new Redis(testEnv.TEST_REDIS_URL);
const received: InventoryMessage[] = [];

beforeAll(async () => {
  await subscriber.subscribe(channel);
  subscriber.on('message', (_channel, text: string) =>
    received.push(InventoryMessage.parse(JSON.parse(text))),
  );
});
afterAll(async () => {
  await Promise.all([publisher.quit(), subscriber.quit()]);
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('inventory events', () => {
  it('publish the first change of a date at once and fold a rush into one more message', async () => {
    const events = redisInventoryEvents(publisher, channel);
    // Every request builds its context anew; they must share one publisher.
    expect(redisInventoryEvents(publisher, channel)).toBe(events);
    const rush = { orgId: randomUUID(), occurrenceId: randomUUID() };
    const other = { orgId: rush.orgId, occurrenceId: randomUUID() };

    events.changed(rush);
    await vi.waitFor(() => expect(received).toHaveLength(1), { timeout: 1_000, interval: 5 });
    for (let n = 0; n < 100; n++) events.changed(rush);
    events.changed(other);
    await sleep(300);
    const of = (change: { occurrenceId: string }) =>
      received.filter((message) => message.occurrenceId === change.occurrenceId);
    expect(of(rush)).toHaveLength(2);
    expect(of(other)).toHaveLength(1);
    expect(new Set(received.map((message) => message.id)).size).toBe(received.length);

    // Once the window has passed quietly, the next change goes out again.
    events.changed(rush);
    await vi.waitFor(() => expect(of(rush)).toHaveLength(3), { timeout: 1_000, interval: 5 });
  });
});
