/**
 * Beside the conditions the page says what the scenario cannot do that it seems meant to (the
 * core's sim/foreseen.ts, as `convene validate` prints it), and stops saying it once a changed
 * condition fixes it.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HAVE_BROWSER, SCREENSHOTS, useSite } from './browser.ts';

describe.skipIf(!HAVE_BROWSER)('warnings beside the conditions, in Chromium', () => {
  const site = useSite();

  it('warns that the cloud providers will decline, and not once the box is widened', async () => {
    const t = await site.open('?scenario=convenors-dilemma&seed=1');
    const box = t.page.getByTestId('condition-warnings');
    expect(await box.isVisible()).toBe(true);
    const item = box.locator('li');
    expect(await item.count()).toBe(1);
    expect(await item.getAttribute('data-path')).toBe('stakeholders[0]');
    // The box [0.5, 1] gives a provider wanting 0.1 at best 1 − 0.4 = 0.6, below its 0.65.
    expect(await item.textContent()).toContain('will decline the invitation: the best text inside convenor.acceptable gives provider-1 0.600, below its bottom line 0.650');
    await box.screenshot({ path: join(SCREENSHOTS, 'condition-warnings.png') });
    await t.page.close();

    const wide = await site.open('?scenario=convenors-dilemma&seed=1&set.convenor.acceptable.min=%5B0.2%5D');
    expect(await wide.page.getByTestId('condition-warnings').isHidden()).toBe(true);
    expect(t.errors).toEqual([]);
    expect(wide.errors).toEqual([]);
    await wide.page.close();
  });

  it('says nothing for a scenario that can do what it seems meant to', async () => {
    const t = await site.open('?scenario=reference&seed=1');
    expect(await t.page.getByTestId('condition-warnings').isHidden()).toBe(true);
    await t.page.close();
  });
});
