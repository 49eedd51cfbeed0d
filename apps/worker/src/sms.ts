import type { SmsProvider } from '@tessera/api/domain/notifications/deliver';

/**
 * The worker's SMS provider: none yet, so every text is recorded in `outbound_messages`
 * (channel `sms`, status `recorded`) for staff to read, as email is without SMTP_URL.
 * To send for real, implement `SmsProvider` (`send(to, text)` returns the vendor's message
 * id) over the vendor's API, read its credentials from validated env vars in
 * packages/api/src/env.ts, and return it here when they are set.
 */
export function configuredSmsProvider(): SmsProvider | null {
  return null;
}
