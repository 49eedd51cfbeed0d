import type { Db } from '@tessera/db';
import { sql } from 'kysely';
import { env } from '../../env';
import { privateTarget } from './addresses';
import { nextRetryDelay, type WebhookRetryPolicy } from './retry-schedule';
import { SIGNATURE_HEADER, signWebhook } from './signature';

/** A receiver gets this long to answer; a slow one is a failed attempt, retried later. */
const REQUEST_TIMEOUT_MS = 10_000;
/** What is kept of a receiver's answer: enough to see what it said. */
const RESPONSE_BODY_LIMIT = 2_048;

export type AttemptOutcome =
  | { outcome: 'succeeded'; status: number }
  | { outcome: 'retry'; delayMs: number; reason: string }
  | { outcome: 'dead'; reason: string }
  | { outcome: 'skipped'; reason: string };

interface HttpAnswer {
  status: number | null;
  body: string | null;
  error: string | null;
}

async function post(
  url: string,
  body: string,
  headers: Record<string, string>,
): Promise<HttpAnswer> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Tessera-Webhooks/1',
        ...headers,
      },
      body,
      // A redirect is an answer (3xx, not 2xx): following it could send the payload elsewhere.
      redirect: 'manual',
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const text = await response.text().catch(() => '');
    return { status: response.status, body: text.slice(0, RESPONSE_BODY_LIMIT), error: null };
  } catch (error) {
    const cause =
      error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return {
      status: null,
      body: null,
      error: `${error instanceof Error ? error.message : String(error)}${cause}`,
    };
  }
}

/**
 * One attempt of one delivery: signs the stored body with the endpoint's secret, POSTs it,
 * records the attempt (status, truncated body, time) and says what happens next. A 2xx
 * succeeds; anything else is retried on the policy's schedule until its window is spent.
 */
export async function attemptWebhookDelivery(
  db: Db,
  deliveryId: string,
  policy: WebhookRetryPolicy,
  allowPrivateAddresses = env.WEBHOOKS_ALLOW_PRIVATE_ADDRESSES,
): Promise<AttemptOutcome> {
  const delivery = await db
    .selectFrom('webhookDeliveries as d')
    .innerJoin('webhookEndpoints as e', 'e.id', 'd.endpointId')
    .select([
      'd.id',
      'd.orgId',
      'd.status',
      'd.eventType',
      'd.payload',
      'e.url',
      'e.secret',
      'e.active',
    ])
    .where('d.id', '=', deliveryId)
    .executeTakeFirst();
  if (!delivery) return { outcome: 'skipped', reason: 'the delivery no longer exists' };
  if (delivery.status === 'succeeded') return { outcome: 'skipped', reason: 'already delivered' };
  if (!delivery.active) {
    await db
      .updateTable('webhookDeliveries')
      .set({ status: 'dead', nextAttemptAt: null })
      .where('id', '=', deliveryId)
      .execute();
    return { outcome: 'dead', reason: 'the endpoint is disabled' };
  }

  const { attempts, firstAttemptAt } = await db
    .updateTable('webhookDeliveries')
    .set({
      attempts: sql<number>`attempts + 1`,
      firstAttemptAt: sql<Date>`coalesce(first_attempt_at, now())`,
    })
    .where('id', '=', deliveryId)
    .returning(['attempts', 'firstAttemptAt'])
    .executeTakeFirstOrThrow();

  const body = JSON.stringify(delivery.payload);
  const started = Date.now();
  // A private target is never tried, and never will be: the delivery is dead at once.
  const refused = allowPrivateAddresses ? null : await privateTarget(delivery.url);
  const answer: HttpAnswer = refused
    ? { status: null, body: null, error: refused }
    : await post(delivery.url, body, {
        'Tessera-Event': delivery.eventType,
        'Tessera-Delivery': delivery.id,
        [SIGNATURE_HEADER]: signWebhook(body, delivery.secret),
      });
  const finished = new Date();
  await db
    .insertInto('webhookDeliveryAttempts')
    .values({
      orgId: delivery.orgId,
      deliveryId,
      attemptNo: attempts,
      responseStatus: answer.status,
      responseBody: answer.body,
      error: answer.error,
      durationMs: finished.getTime() - started,
    })
    .execute();

  const answered = { responseStatus: answer.status, responseBody: answer.body ?? answer.error };
  if (answer.status !== null && answer.status >= 200 && answer.status < 300) {
    await db
      .updateTable('webhookDeliveries')
      .set({ ...answered, status: 'succeeded', deliveredAt: finished, nextAttemptAt: null })
      .where('id', '=', deliveryId)
      .execute();
    return { outcome: 'succeeded', status: answer.status };
  }
  const reason =
    answer.status !== null
      ? `the endpoint answered ${answer.status}`
      : (answer.error ?? 'no answer');
  const delayMs = refused
    ? null
    : nextRetryDelay(attempts, firstAttemptAt ?? finished, finished, policy);
  await db
    .updateTable('webhookDeliveries')
    .set({
      ...answered,
      status: delayMs === null ? 'dead' : 'failed',
      nextAttemptAt: delayMs === null ? null : new Date(finished.getTime() + delayMs),
    })
    .where('id', '=', deliveryId)
    .execute();
  return delayMs === null ? { outcome: 'dead', reason } : { outcome: 'retry', delayMs, reason };
}
