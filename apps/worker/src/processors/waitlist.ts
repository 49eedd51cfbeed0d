import type { InventoryEvents } from '@tessera/api/domain/events/inventory';
import {
  advanceWaitlist,
  type OfferSettings,
  type WaitlistRound,
} from '@tessera/api/domain/waitlist/offers';
import { occurrenceOfEvent } from '@tessera/api/domain/waitlist/trigger';
import type { Db } from '@tessera/db';
import type { Job } from 'bullmq';
import type { Logger } from '../log';
import { waitlistQueue } from '../queues';
import { parseJobData } from '../queues/define';

export interface WaitlistDeps {
  db: Db;
  events: InventoryEvents;
  offers: OfferSettings;
  log: Logger;
}

/** Places came free or an offer was booked: the date's waiting list moves on (idempotent). */
export function processWaitlistEvent({ db, events, offers, log }: WaitlistDeps) {
  return async (job: Job): Promise<WaitlistRound | 'no date'> => {
    const event = parseJobData(waitlistQueue, job.data);
    const occurrenceId = await occurrenceOfEvent(db, event);
    if (!occurrenceId) return 'no date';
    const round = await advanceWaitlist(db, occurrenceId, { ...offers, events });
    if (round.offered.length + round.lapsed + round.claimed > 0)
      log.info(
        `waitlist of ${occurrenceId} after ${event.eventType}: ${round.offered.length} offered, ${round.lapsed} lapsed, ${round.claimed} claimed`,
      );
    return round;
  };
}
