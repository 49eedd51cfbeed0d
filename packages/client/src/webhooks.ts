/** Verifying Tessera's outgoing webhooks (Node only: it uses node:crypto). */
export {
  DEFAULT_TOLERANCE_SECONDS,
  SIGNATURE_HEADER,
  verifyWebhook,
  WebhookVerificationError,
} from '@tessera/api/domain/webhooks/signature';
