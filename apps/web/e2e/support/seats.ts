import { expect, type Page } from '@playwright/test';

/** A free seat anyone may book: wheelchair places are held only for who needs one. */
export const OPEN_SEAT = /^(?!.*wheelchair place).*, available$/;

/**
 * Picks `count` free seats in one section of the map, each confirmed in the chosen list.
 * Tests running at the same time use different sections, and "free" is read from the map,
 * so seats held by another test (or a failed earlier attempt) are never chosen.
 */
export async function chooseFreeSeats(page: Page, section: string, count: number) {
  const map = page.getByRole('group', { name: `${section} seats` });
  for (let chosen = 0; chosen < count; chosen++) {
    await map.getByRole('button', { name: OPEN_SEAT }).first().click();
    await expect(
      page.getByRole('list', { name: 'Chosen seats' }).getByRole('listitem'),
    ).toHaveCount(chosen + 1);
  }
}
