import { expect, test } from '@playwright/test';

test('the home page lists the seeded offerings by kind, in customer words', async ({ page }) => {
  await page.goto('/');

  await expect(
    page.getByRole('heading', { level: 1, name: 'Find your next booking' }),
  ).toBeVisible();
  for (const section of ['Trips', 'Events', 'Book a time']) {
    await expect(page.getByRole('heading', { level: 2, name: section })).toBeVisible();
  }

  const trips = page.getByRole('region', { name: 'Trips' });
  const coach = trips.getByRole('listitem').filter({
    has: page.getByRole('heading', { name: 'Algiers → Oran coach' }),
  });
  await expect(coach).toBeVisible();
  // The next departure is shown in the zone it leaves from, with the zone named.
  await expect(coach.getByText('Next departure')).toBeVisible();
  await expect(coach.getByText(/\(Africa\/Algiers\)$/)).toBeVisible();
  await expect(coach.getByText(/^from /)).toBeVisible();

  const events = page.getByRole('region', { name: 'Events' });
  await expect(events.getByRole('heading', { name: 'Symphonie fantastique' })).toBeVisible();
  await expect(events.getByText(/\(Europe\/Paris\)$/).first()).toBeVisible();

  // "occurrence" is an internal word.
  await expect(page.getByText(/occurrence/i)).toHaveCount(0);
});

test('the site says payments are tests while Stripe runs in test mode', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('note').filter({ hasText: 'Test payments' })).toContainText(
    'no real money is taken',
  );
});
