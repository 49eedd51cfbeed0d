import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, sessionParams, startSimulator } from '../test-support';

let harness: Harness;
beforeAll(async () => {
  harness = await startSimulator();
});
afterAll(() => harness.simulator.close());

async function submit(url: string, action: string): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ action }).toString(),
    redirect: 'manual',
  });
}

const buttons = (html: string): string[] =>
  [...html.matchAll(/<button[^>]*>([^<]+)<\/button>/g)].map((match) => match[1] ?? '');

describe('checkout page', () => {
  it('shows the lines, the total, the test notice and three buttons', async () => {
    const session = await harness.stripe.checkout.sessions.create(sessionParams());
    const response = await fetch(String(session.url));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    const html = await response.text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Stripe simulator — test payments, no real money');
    expect(html).toContain('Adult ticket');
    expect(html).toContain('Child &#60;ticket&#62;');
    expect(html).toContain('€60.00');
    expect(buttons(html)).toEqual(['Pay', 'Decline (card declined)', 'Cancel']);
  });

  it('Pay completes the session and redirects to success_url with the session id', async () => {
    const session = await harness.stripe.checkout.sessions.create(sessionParams());
    const response = await submit(String(session.url), 'pay');
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(
      `https://tessera.test/bookings/ABC/paid?session=${session.id}`,
    );
    expect(await harness.stripe.checkout.sessions.retrieve(session.id)).toMatchObject({
      status: 'complete',
      payment_status: 'paid',
    });
    const html = await (await fetch(`${harness.simulator.url}/pay/${session.id}`)).text();
    expect(html).toContain('already been paid');
    expect(buttons(html)).toEqual([]);
  });

  it('Decline shows the decline message and stays payable; Cancel goes to cancel_url', async () => {
    const session = await harness.stripe.checkout.sessions.create(sessionParams());
    const declined = await submit(String(session.url), 'decline');
    expect(declined.status).toBe(303);
    const location = new URL(String(declined.headers.get('location')), harness.simulator.url);
    const html = await (await fetch(location)).text();
    expect(html).toContain('role="alert">Your card was declined. Try again or use another card.');
    expect(buttons(html)).toContain('Pay');
    expect((await harness.stripe.checkout.sessions.retrieve(session.id)).status).toBe('open');

    const cancelled = await submit(String(session.url), 'cancel');
    expect(cancelled.status).toBe(303);
    expect(cancelled.headers.get('location')).toBe('https://tessera.test/bookings/ABC');
  });

  it('says when a session has expired, and 404s for an unknown one', async () => {
    const session = await harness.stripe.checkout.sessions.create(sessionParams());
    await harness.stripe.checkout.sessions.expire(session.id);
    const html = await (await fetch(`${harness.simulator.url}/pay/${session.id}`)).text();
    expect(html).toContain('This checkout session has expired');
    expect(buttons(html)).toEqual([]);
    expect((await fetch(`${harness.simulator.url}/pay/cs_test_unknown`)).status).toBe(404);
  });
});
