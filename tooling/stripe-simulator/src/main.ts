import { env } from './env';
import { createStripeSimulator } from './simulator';

const log = (message: string): void => console.log(`[stripe-simulator] ${message}`);

const simulator = await createStripeSimulator({
  port: env.STRIPE_SIMULATOR_PORT,
  host: env.STRIPE_SIMULATOR_HOST,
  publicUrl: env.STRIPE_SIMULATOR_PUBLIC_URL,
  webhookUrl: env.STRIPE_WEBHOOK_URL,
  webhookSecret: env.STRIPE_WEBHOOK_SECRET,
  log,
});

log(`listening on ${simulator.url}; webhooks to ${env.STRIPE_WEBHOOK_URL}`);
const { hostname, port } = new URL(simulator.url);
log(`SDK: new Stripe('sk_test_...', { host: '${hostname}', port: ${port}, protocol: 'http' })`);

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  log(`${signal}: closing`);
  await simulator.close();
  process.exit(0);
}
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));
