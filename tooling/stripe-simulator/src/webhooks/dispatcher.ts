import { setTimeout as sleep } from 'node:timers/promises';
import { type StripeEvent } from '../objects/types';
import { postJson } from './post';
import { signatureHeader } from './signing';

export interface WebhookBehaviour {
  /** Extra copies of every event (0 = each event once). */
  duplicate: number;
  /** Delay between an action and the delivery of its events. */
  delayMs: number;
  /** Deliver the events of each action in reverse order. */
  reorder: boolean;
}

export interface WebhookDispatcherOptions {
  url: string | null;
  secret: string;
  behaviour: WebhookBehaviour;
  /** Attempts per delivery, the first included (non-2xx and network errors are retried). */
  maxAttempts?: number;
  /** First retry delay; each later retry waits twice as long. */
  retryBaseMs?: number;
  log?: (message: string) => void;
}

/**
 * Delivers events to one webhook endpoint, signed like Stripe. First attempts go out in one
 * queue, so a healthy receiver sees events in emission order (or reversed per action with
 * `reorder`); retries run beside the queue so a failing event does not hold up the rest.
 */
export class WebhookDispatcher {
  private behaviour: WebhookBehaviour;
  private queue: Promise<void> = Promise.resolve();
  private readonly pending = new Set<Promise<void>>();
  private readonly delivered: StripeEvent[] = [];
  private readonly abort = new AbortController();
  private readonly maxAttempts: number;
  private readonly retryBaseMs: number;
  private readonly log: (message: string) => void;

  constructor(private readonly options: WebhookDispatcherOptions) {
    this.behaviour = { ...options.behaviour };
    this.maxAttempts = options.maxAttempts ?? 4;
    this.retryBaseMs = options.retryBaseMs ?? 100;
    this.log = options.log ?? (() => undefined);
  }

  get enabled(): boolean {
    return this.options.url !== null;
  }

  setBehaviour(change: Partial<WebhookBehaviour>): WebhookBehaviour {
    this.behaviour = { ...this.behaviour, ...change };
    return { ...this.behaviour };
  }

  /** Events the receiver acknowledged with a 2xx, in delivery order, duplicates included. */
  sentEvents(): StripeEvent[] {
    return structuredClone(this.delivered);
  }

  /** Schedules delivery of one action's events; never waits for the receiver. */
  enqueue(batch: StripeEvent[]): void {
    const url = this.options.url;
    if (url === null || batch.length === 0 || this.abort.signal.aborted) return;
    const behaviour = { ...this.behaviour };
    const dueAt = Date.now() + behaviour.delayMs;
    const ordered = behaviour.reorder ? [...batch].reverse() : batch;
    const run = this.queue.then(async () => {
      const wait = dueAt - Date.now();
      if (wait > 0) await sleep(wait, undefined, { signal: this.abort.signal });
      for (const event of ordered) {
        for (let copy = 0; copy <= behaviour.duplicate; copy++) {
          if (!(await this.attempt(url, event))) this.track(this.retry(url, event));
        }
      }
    });
    this.queue = run.catch(() => undefined);
    this.track(run);
  }

  /** Resolves when every scheduled delivery, retries included, has finished. */
  async flush(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  async close(): Promise<void> {
    this.abort.abort();
    await this.flush();
  }

  private track(work: Promise<void>): void {
    const tracked = work.catch((error: unknown) => {
      if (!this.abort.signal.aborted) this.log(`webhook delivery failed: ${String(error)}`);
    });
    this.pending.add(tracked);
    void tracked.finally(() => this.pending.delete(tracked));
  }

  private async retry(url: string, event: StripeEvent): Promise<void> {
    for (let attempt = 2; attempt <= this.maxAttempts; attempt++) {
      await sleep(this.retryBaseMs * 2 ** (attempt - 2), undefined, { signal: this.abort.signal });
      if (await this.attempt(url, event)) return;
    }
    this.log(`gave up delivering ${event.type} ${event.id} after ${this.maxAttempts} attempts`);
  }

  private async attempt(url: string, event: StripeEvent): Promise<boolean> {
    if (this.abort.signal.aborted) return true;
    const body = JSON.stringify(event, null, 2);
    const status = await postJson(
      url,
      body,
      {
        'Content-Type': 'application/json; charset=utf-8',
        'User-Agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
        'Stripe-Signature': signatureHeader(body, this.options.secret),
      },
      this.abort.signal,
    );
    const ok = status >= 200 && status < 300;
    if (ok) this.delivered.push(event);
    else this.log(`webhook ${event.type} ${event.id} -> ${status === 0 ? 'no response' : status}`);
    return ok;
  }
}
