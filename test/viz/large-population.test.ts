/**
 * What a person sees of a large population: above 400 stakeholders the dots are drawn on a canvas
 * under the SVG, and the SVG's acceptable box once had a solid fill that covered them, so with two
 * issues on the axes the policy space looked empty. This test reads the composited screenshot, as
 * a student sees it, not the canvas's own pixels.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HAVE_BROWSER, SCREENSHOTS, useSite } from './browser.ts';

describe.skipIf(!HAVE_BROWSER)('a large population in Chromium', () => {
  const site = useSite();

  it('shows 10,000 stakeholders inside the acceptable box with two issues on the axes', async () => {
    const t = await site.open('?scenario=reference&seed=1&set.stakeholders%5B0%5D.generate=9980&set.convenor.acceptable.min=%5B0.1%2C0.1%2C0%5D&set.convenor.acceptable.max=%5B0.9%2C0.9%2C1%5D');
    const { page } = t;
    await page.locator('#axis-x').selectOption('0');
    await page.locator('#axis-y').selectOption('1');
    for (let k = 0; k < 3; k++) await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-testid=\"round\"]')?.dataset.round === '3');
    await page.waitForTimeout(500);
    const space = (await page.locator('#space').boundingBox())!;
    const box = (await page.locator('#space rect.box').boundingBox())!;
    expect(box.width).toBeGreaterThan(100);
    const png = await page.locator('#space').screenshot({ path: join(SCREENSHOTS, 'space-10000-stakeholders-two-issues.png') });
    // The share of the box's pixels that are not the box's own light tint: dots drawn on it.
    const inked = await page.evaluate(
      async ({ data, x, y, w, h }) => {
        const img = new Image();
        img.src = `data:image/png;base64,${data}`;
        await img.decode();
        const c = document.createElement('canvas');
        c.width = img.width;
        c.height = img.height;
        const g = c.getContext('2d')!;
        g.drawImage(img, 0, 0);
        const pixels = g.getImageData(Math.round(x), Math.round(y), Math.round(w), Math.round(h)).data;
        let ink = 0;
        for (let i = 0; i < pixels.length; i += 4) {
          // The box's tint is near white (about 243, 247, 239); a dot is far darker in some channel.
          if (Math.min(pixels[i], pixels[i + 1], pixels[i + 2]) < 200) ink++;
        }
        return ink / (pixels.length / 4);
      },
      { data: png.toString('base64'), x: box.x - space.x + 4, y: box.y - space.y + 4, w: box.width - 8, h: box.height - 8 },
    );
    console.log(`10,000 stakeholders, two issues: ${(inked * 100).toFixed(1)}% of the acceptable box is drawn on`);
    // Ten thousand dots of a few pixels over a box about 400 pixels wide cover much of it; a box
    // that hides them leaves its gridless tint: under 1%.
    expect(inked).toBeGreaterThan(0.1);
    expect(t.errors).toEqual([]);
    await page.close();
  });
});
