/**
 * In Chromium: controls and keyboard, the convenor's conditions, opening and dropping
 * files, shared links, payloads shown as text, no requests off the site, no console errors, a
 * 10,000-stakeholder run that stays playable, a sub-path, and screenshots for a person to look at.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { createServer as createViteServer } from 'vite';
import { describe, expect, it } from 'vitest';
import { packScenario } from '../../viz/address.ts';
import { runScenario } from '../../sim/index.ts';
import { loadScenario } from '../../sim/scenario/index.ts';
import { HAVE_BROWSER, useSite, ROOT, SCREENSHOTS, waitForOutcome, type TrackedPage } from './browser.ts';

const PAYLOADS = readFileSync(join(ROOT, 'test/fixtures/viz/payloads.yaml'), 'utf8');

const roundOf = async (t: TrackedPage) => Number(await t.page.getByTestId('round').getAttribute('data-round'));

describe.skipIf(!HAVE_BROWSER)('the page in Chromium', () => {
  const site = useSite();
  const open = site.open;

  it('steps, plays, pauses and resets from buttons and the keyboard', async () => {
    const t = await open('?scenario=reference&seed=3');
    const { page } = t;
    expect(await roundOf(t)).toBe(0);
    await page.getByRole('button', { name: 'Step' }).click();
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-testid=\"round\"]')?.dataset.round === '1');
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-testid=\"round\"]')?.dataset.round === '2');
    await page.locator('#speed').selectOption('20');
    await page.locator('body').click({ position: { x: 5, y: 790 } });
    await page.keyboard.press(' ');
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="round"]')?.getAttribute('data-round')) >= 5);
    await page.keyboard.press(' ');
    expect(await page.locator('#play').textContent()).toBe('Play');
    await page.waitForTimeout(200); // a round already asked for may still arrive
    const paused = await roundOf(t);
    await page.waitForTimeout(300);
    expect(await roundOf(t)).toBe(paused);
    await page.getByRole('button', { name: 'Reset' }).click();
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-testid=\"round\"]')?.dataset.round === '0');
    expect(await page.locator('#minutes li').count()).toBe(0);
    expect(t.errors).toEqual([]);
    await page.close();
  });

  it('keeps the seed in the address, and a new seed starts again from round 0', async () => {
    const t = await open('?scenario=rough-consensus&seed=11');
    const { page } = t;
    expect(await page.locator('#seed').inputValue()).toBe('11');
    await page.getByRole('button', { name: 'Step' }).click();
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-testid=\"round\"]')?.dataset.round === '1');
    await page.getByRole('button', { name: 'New seed' }).click();
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-testid=\"round\"]')?.dataset.round === '0');
    const seed = await page.locator('#seed').inputValue();
    expect(seed).not.toBe('11');
    expect(new URL(page.url()).searchParams.get('seed')).toBe(seed);
    await page.locator('#scenario-picker').selectOption('glacial-drift');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('scenario') === 'glacial-drift');
    expect(await page.locator('#scenario-name').textContent()).toMatch(/drift/i);
    await page.close();
  });

  it('re-runs from round 0 when a condition changes, and shows invalid ones with their field path', async () => {
    const t = await open('?scenario=rough-consensus&seed=2&speed=max&autoplay=1');
    const { page } = t;
    await waitForOutcome(page);
    await page.locator('input[data-path="convenor.deadline"]').fill('25');
    await page.locator('input[data-path="convenor.deadline"]').press('Enter');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('set.convenor.deadline') === '25');
    expect(await roundOf(t)).toBe(0);
    expect(await page.getByTestId('outcome').getAttribute('data-state')).toBe('running');

    await page.locator('input[data-path="convenor.rule.threshold"]').fill('0.3');
    await page.locator('input[data-path="convenor.rule.threshold"]').press('Enter');
    const errors = page.locator('#condition-errors');
    await errors.waitFor({ state: 'visible' });
    expect(await errors.textContent()).toContain('convenor.rule.threshold');
    expect(await page.locator('input[data-path="convenor.rule.threshold"]').getAttribute('aria-invalid')).toBe('true');
    expect(new URL(page.url()).searchParams.get('set.convenor.rule.threshold')).toBeNull();

    await page.locator('select[data-path="convenor.rule.type"]').selectOption('unanimity');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('set.convenor.rule.type') === 'unanimity');
    await page.locator('input[data-path="convenor.inRoom"]').check();
    await page.waitForFunction(() => (new URL(location.href).searchParams.get('set.convenor.inRoom') ?? '').includes('preferred'));
    expect(await page.locator('.preferred').getAttribute('display')).toBeNull();
    await page.close();
  });

  it('opens a file, refuses a broken one with its field paths, and takes a dropped file', async () => {
    const t = await open('?scenario=reference');
    const { page } = t;
    const broken = PAYLOADS.replace('deadline: 40', 'deadline: -3');
    await page.locator('#file-input').setInputFiles({ name: 'broken.yaml', mimeType: 'text/yaml', buffer: Buffer.from(broken) });
    await page.locator('#load-errors').waitFor({ state: 'visible' });
    expect(await page.locator('#load-errors').textContent()).toMatch(/broken\.yaml:\d+:\d+: convenor\.deadline/);
    expect(new URL(page.url()).searchParams.get('scenario')).toBe('reference');

    const json = JSON.stringify({ convene: 1, name: 'Dropped JSON', issues: [{ id: 'x' }], constituencies: [{ id: 'c', roles: ['involved', 'affected'] }], stakeholders: [{ id: 'a', constituency: 'c', ideal: [0.2] }, { id: 'b', constituency: 'c', ideal: [0.7] }] });
    await page.evaluate((text) => {
      const data = new DataTransfer();
      data.items.add(new File([text], 'dropped.json', { type: 'application/json' }));
      document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, json);
    await page.waitForFunction(() => document.querySelector('#scenario-name')?.textContent === 'Dropped JSON');
    expect(await page.locator('#load-errors').isHidden()).toBe(true);
    // One issue: stakeholders stand in a row per constituency.
    expect(await page.locator('.space .axis-label').nth(1).textContent()).toBe('one row per constituency');
    expect(await page.locator('#axis-y').isHidden()).toBe(true);
    const packed = new URL(page.url()).searchParams.get('scenario')!;
    expect(packed).toMatch(/^z\./);

    // The address now holds the scenario itself: a fresh page reproduces it.
    const again = await site.page();
    await again.page.goto(page.url());
    await again.page.waitForFunction(() => document.querySelector('#scenario-name')?.textContent === 'Dropped JSON');
    await page.close();
    await again.page.close();
  });

  it('shows scenario payloads as text and runs none of them', async () => {
    const packed = await packScenario(PAYLOADS);
    const t = await open(`?scenario=${packed}&autoplay=1&speed=max`);
    const { page } = t;
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    await waitForOutcome(page);
    await page.locator('#filter-constituency').selectOption('one');
    await page.locator('#space svg').hover({ position: { x: 300, y: 260 } });
    expect(await page.locator('#scenario-name').textContent()).toBe('<img src=x onerror="window.__pwned=1;document.title=1">');
    expect(await page.locator('#scenario-description').textContent()).toContain('<script>window.__pwned=2</script>');
    expect(await page.locator('#axis-x option').first().textContent()).toBe('<img src=x onerror="window.__pwned=4">');
    expect(await page.locator('#space-legend').textContent()).toContain('<script>window.__pwned=6</script>');
    expect(await page.locator('#filter-constituency option:checked').textContent()).toBe('<script>window.__pwned=6</script>');
    // A generated group's label, in the details of its first member (Home from the policy space).
    await page.locator('#space svg').focus();
    await page.keyboard.press('Home');
    await page.locator('#tooltip').waitFor({ state: 'visible' });
    const [id, second] = await page.locator('#tooltip strong, #tooltip div').allTextContents();
    expect(second).toBe(id.startsWith('p-') ? '<img src=x onerror="window.__pwned=8">' : '"><iframe src="javascript:window.parent.__pwned=7">');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('main img, main iframe, main script, #space svg svg').count()).toBe(0);
    expect(await page.title()).toMatch(/Convene/);
    expect(dialogs).toBe(0);
    expect(t.errors).toEqual([]);
    await page.close();
  });

  it('loads nothing from the network beyond its own files, and links to the meaning of the classes', async () => {
    const t = await open('?scenario=collateral-attack&autoplay=1&speed=max');
    await waitForOutcome(t.page);
    const origin = new URL(site.url).origin;
    expect(t.requests.filter((r) => !r.startsWith(origin) && !r.startsWith('data:') && !r.startsWith('blob:'))).toEqual([]);
    // The link names the class and lands on its row of the model's page, HTML inside the site.
    const outcome = (await t.page.getByTestId('outcome').getAttribute('data-outcome'))!;
    const link = t.page.locator('.outcome-panel a[href*="model.html"]');
    expect(await link.textContent()).toMatch(/^What .+ means$/);
    expect(await link.getAttribute('href')).toBe(`./model.html#${outcome}`);
    const help = await t.page.context().newPage();
    await help.goto(new URL((await link.getAttribute('href'))!, t.page.url()).href);
    expect(await help.locator('h2[id="7-how-a-run-ends-outcome-classes"]').textContent()).toBe('7. How a run ends: outcome classes');
    const row = help.locator(`tr#${outcome}`);
    expect(await row.locator('td').first().textContent()).toBe(outcome);
    // Landed on: the row is on screen, not raw Markdown at the top of a file.
    expect(await row.evaluate((r) => r.getBoundingClientRect().top >= 0 && r.getBoundingClientRect().bottom <= innerHeight)).toBe(true);
    expect(await help.evaluate(() => document.body.textContent?.includes('## 7.'))).toBe(false);
    await help.screenshot({ path: join(SCREENSHOTS, 'model-page-class.png') });
    await help.close();
    expect(t.errors).toEqual([]);
    await t.page.close();
  });

  it('narrates the run, filters the minutes, and shows a stakeholder on hover', async () => {
    const t = await open('?scenario=iana-transition&seed=4');
    const { page } = t;
    for (let k = 0; k < 4; k++) await page.getByRole('button', { name: 'Step' }).click();
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-testid=\"round\"]')?.dataset.round === '4');
    expect(await page.locator('#narration').getAttribute('aria-live')).toBe('polite');
    expect(await page.locator('#narration').textContent()).toMatch(/^Round 3: .*support \d+%/);
    const constituency = await page.locator('#filter-constituency option').nth(1).getAttribute('value');
    await page.locator('#filter-constituency').selectOption(constituency!);
    await page.waitForSelector(`#minutes[data-filter="${constituency}|"]`);
    const entries = await page.locator('#minutes li').allTextContents();
    expect(entries.length).toBeGreaterThan(0);
    // Hover each drawn stakeholder until the tooltip shows one.
    const dot = page.locator('#space circle.dot').first();
    await dot.hover({ force: true });
    await page.locator('#tooltip').waitFor({ state: 'visible' });
    expect(await page.locator('#tooltip').textContent()).toMatch(/power .* resources/);
    await page.locator('#filter-constituency').selectOption('');
    await page.waitForSelector('#minutes[data-filter="|"]');
    await dot.click({ force: true });
    expect(await page.locator('.selected-ring').getAttribute('r')).not.toBe('0');
    // The rounds it took part in are marked: round 0 at least, where it joined the table.
    const highlighted = page.locator('#minutes li.highlight');
    expect(await highlighted.count()).toBeGreaterThan(0);
    expect(await highlighted.first().getAttribute('data-round')).toBe('0');

    // From the keyboard: name a stakeholder in the filter; only its entries stay, ringed in the space.
    await page.locator('#filter-stakeholder').fill('rir-2');
    await page.locator('#filter-stakeholder').press('Enter');
    await page.waitForSelector('#minutes[data-filter="|rir-2"]');
    const entries2 = await page.locator('#minutes li').allTextContents();
    expect(entries2.length).toBeGreaterThan(0);
    expect(entries2.every((e) => e.includes('rir-2'))).toBe(true);
    expect(t.errors).toEqual([]);
    await page.close();
  });

  it('fades stakeholders as their resources run out, and marks those who drop out', async () => {
    const t = await open('?scenario=collapse-unfunded-civil-society&seed=1&speed=20');
    const opacity = () => t.page.locator('#space circle.dot').evaluateAll((dots) => dots.map((d) => Number(d.getAttribute('fill-opacity'))));
    await t.page.keyboard.press('ArrowRight');
    await t.page.waitForFunction(() => document.querySelector<HTMLElement>('[data-testid=\"round\"]')?.dataset.round === '1');
    const early = await opacity();
    await t.page.locator('#speed').selectOption('max');
    await t.page.getByRole('button', { name: 'Play' }).click();
    await waitForOutcome(t.page);
    const late = await opacity();
    expect(late.some((v, i) => v < early[i] - 0.2)).toBe(true);
    expect(await t.page.locator('#space circle.dot.dropped').count()).toBeGreaterThan(0);
    expect(await t.page.locator('#minutes').textContent()).toContain('dropped out for good');
    expect(t.errors).toEqual([]);
    await t.page.close();
  });

  it('changes the outcome when the convenor pays the community groups their way', async () => {
    const t = await open('?scenario=collapse-unfunded-civil-society&seed=1&autoplay=1&speed=max');
    expect((await waitForOutcome(t.page)).outcome).toBe('collapse');
    await t.page.locator('input[data-path="convenor.subsidies.community"]').fill('2');
    await t.page.locator('input[data-path="convenor.subsidies.community"]').press('Enter');
    await t.page.waitForFunction(() => new URL(location.href).searchParams.get('set.convenor.subsidies.community') === '2');
    await t.page.getByRole('button', { name: 'Play' }).click();
    const shown = await waitForOutcome(t.page);
    expect(shown.outcome).toBe('rough-consensus');
    // The page's run is the core's: the same scenario, override and seed in Node.
    const file = join(ROOT, 'scenarios/collapse-unfunded-civil-society.yaml');
    const loaded = loadScenario(readFileSync(file, 'utf8'), { filename: file, overrides: ['convenor.subsidies.community=2'] });
    if (!loaded.ok) throw new Error('the scenario does not load');
    expect(shown.rounds).toBe(runScenario(loaded.scenario, { seed: 1 }).rounds);
    expect(t.errors).toEqual([]);
    await t.page.close();
  });

  it('shows two chosen issues with every issue in bars beside them, or a projection of all of them', async () => {
    const t = await open('?scenario=iana-transition&seed=1');
    const { page } = t;
    const issues = await page.locator('#axis-x option').allTextContents();
    // Three issues or more: the room shows the first two, the bars all of them, issue by issue.
    expect(await page.locator('#axis-x').inputValue()).toBe('0');
    expect(await page.locator('#axis-y').inputValue()).toBe('1');
    const bars = page.getByTestId('issue-bars');
    expect(await bars.isVisible()).toBe(true);
    const d = issues.length - 1; // the last option is the projection
    expect(await bars.locator('.issue-row').count()).toBe(d);
    expect(await bars.locator('.issue-label').first().textContent()).toContain(issues[0]);
    // One mean per constituency on each issue; the text on the table, a diamond on each.
    const constituencies = await page.locator('#filter-constituency option').count() - 1;
    expect(await bars.locator('.issue-mean').count()).toBe(d * constituencies);
    expect(await bars.locator('.issue-text').count()).toBe(d);
    expect(await bars.locator('.issue-reading').first().textContent()).toMatch(/^\(text on the table: \d\.\d\d\)$/);
    await page.locator('#axis-x').selectOption('projection');
    expect(await page.locator('#axis-y').isHidden()).toBe(true);
    expect(await page.locator('.space .axis-label').first().textContent()).toMatch(/where what they want differs most/);
    await page.locator('#axis-x').selectOption('2');
    await page.locator('#axis-y').selectOption('0');
    expect(await page.locator('#axis-y').isVisible()).toBe(true);
    const labels = await page.locator('.space .axis-label').allTextContents();
    // Whole, never cut: wrapped on lines whose text reads as the issue's label.
    expect(labels[0]).toBe(issues[2]);
    expect(labels[1]).toBe(issues[0]);
    expect(await page.locator('.box').getAttribute('display')).toBeNull();
    // Two issues: no bars, the room says it all.
    await page.goto(`${site.url}?scenario=declared-failure&seed=1`);
    await page.waitForSelector('body[data-ready]');
    expect(await page.getByTestId('issue-bars').isHidden()).toBe(true);
    expect(t.errors).toEqual([]);
    await page.close();
  });

  for (const [width, height] of [[1366, 768], [1920, 1080], [390, 844]]) {
    it(`keeps each axis label whole and inside the picture (${width}×${height})`, async () => {
      // Declared failure's issues have the longest labels of the bundled scenarios with two issues.
      const t = await site.open('?scenario=declared-failure&seed=1', { width, height });
      const issues = await t.page.locator('#axis-x option').allTextContents();
      const labels = t.page.locator('.space .axis-label');
      expect(await labels.allTextContents()).toEqual([issues[0], issues[1]]);
      const svg = (await t.page.locator('#space svg').boundingBox())!;
      for (const box of await labels.evaluateAll((ls) => ls.map((l) => l.getBoundingClientRect().toJSON() as DOMRect))) {
        expect(box.left).toBeGreaterThanOrEqual(svg.x - 0.5);
        expect(box.top).toBeGreaterThanOrEqual(svg.y - 0.5);
        expect(box.right).toBeLessThanOrEqual(svg.x + svg.width + 0.5);
        expect(box.bottom).toBeLessThanOrEqual(svg.y + svg.height + 0.5);
      }
      // And clear of the tick labels: the y label left of every tick, the x label below them.
      const ticks = await t.page.locator('#space svg .axis text').evaluateAll((ts) => ts.map((x) => x.getBoundingClientRect().toJSON() as DOMRect));
      const [xBox, yBox] = await labels.evaluateAll((ls) => ls.map((l) => l.getBoundingClientRect().toJSON() as DOMRect));
      const xTicks = ticks.filter((b) => b.top > svg.y + svg.height * 0.6 && b.width > 0);
      const yTicks = ticks.filter((b) => b.left < svg.x + svg.width * 0.3 && b.top < svg.y + svg.height * 0.8 && b.width > 0);
      for (const b of xTicks) expect(xBox.top).toBeGreaterThanOrEqual(b.bottom - 1);
      for (const b of yTicks) expect(yBox.right).toBeLessThanOrEqual(b.left + 1);
      await t.page.screenshot({ path: join(SCREENSHOTS, `axis-labels-${width}x${height}.png`) });
      await t.page.close();
    });
  }

  it('says so when the address names an unknown scenario or a bad change, and still opens', async () => {
    const t = await open('?scenario=no-such-scenario');
    expect(await t.page.locator('#load-errors').textContent()).toContain('no-such-scenario');
    expect(await t.page.locator('#scenario-picker').inputValue()).toBe('rough-consensus');
    await t.page.close();
    const u = await open('?scenario=reference&set.convenor.deadline=-5');
    expect(await u.page.locator('#load-errors').textContent()).toMatch(/not applied.*convenor\.deadline/s);
    expect(await u.page.locator('input[data-path="convenor.deadline"]').inputValue()).toBe('100');
    expect(await u.page.locator('body').getAttribute('data-ready')).toBe('true');
    await u.page.close();
  });

  it('copies the link to this run', async () => {
    const t = await open('?scenario=exclusion&seed=9&set.convenor.deadline=50');
    await t.page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(site.url).origin });
    await t.page.getByRole('button', { name: 'Copy link' }).click();
    await t.page.waitForFunction(() => document.querySelector('#copy-status')?.textContent === 'Link copied.');
    const copied = await t.page.evaluate(() => navigator.clipboard.readText());
    expect(new URL(copied).search).toBe('?scenario=exclusion&seed=9&set.convenor.deadline=50');
    await t.page.close();
  });

  it('moves stakeholders smoothly, and at once when the reader prefers reduced motion', async () => {
    const places = (t: TrackedPage) => t.page.locator('#space circle.dot').evaluateAll((dots) => dots.map((d) => d.getAttribute('cx')).join());
    const moved: boolean[] = [];
    for (const reducedMotion of [false, true]) {
      const t = await open('?scenario=rough-consensus&seed=3', { reducedMotion });
      for (let k = 1; k <= 3; k++) {
        await t.page.keyboard.press('ArrowRight');
        await t.page.waitForFunction((r) => document.querySelector<HTMLElement>('[data-testid=\"round\"]')?.dataset.round === String(r), k);
      }
      const first = await places(t);
      await t.page.waitForTimeout(450);
      moved.push(first !== (await places(t)));
      await t.page.close();
    }
    expect(moved).toEqual([true, false]);
  });

  it('keeps a 10,000-stakeholder scenario playable on a canvas', async () => {
    const t = await open('?scenario=reference&seed=1&set.stakeholders%5B0%5D.generate=9980&speed=20');
    const { page } = t;
    expect(await page.locator('#space canvas').isVisible()).toBe(true);
    expect(await page.locator('#space circle.dot').count()).toBe(0);
    expect(await page.locator('#space svg').getAttribute('aria-label')).toContain('10000 stakeholders');
    // The worker's core runs its passes in WebAssembly at this size (a small scenario does not).
    expect(await page.locator('body').getAttribute('data-kernel')).toBe('true');
    // The page stays responsive while it plays: no task on the page's thread runs long (the rounds
    // run in the worker), and it answers a pause at once. Other test files share the two cores,
    // so the bounds are loose: they catch a page that stalls, not one that is merely busy.
    await page.evaluate(() => {
      const w = window as unknown as { longest: number };
      w.longest = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.longest = Math.max(w.longest, e.duration);
      }).observe({ entryTypes: ['longtask'] });
    });
    await page.getByRole('button', { name: 'Play' }).click();
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="round"]')?.getAttribute('data-round')) >= 8, null, { timeout: 20_000 });
    const longest = await page.evaluate(() => (window as unknown as { longest: number }).longest);
    console.log(`10,000 stakeholders: longest task on the page's thread ${Math.round(longest)} ms`);
    expect(longest).toBeLessThan(1000);
    const asked = Date.now();
    await page.getByRole('button', { name: 'Pause' }).click();
    await page.waitForFunction(() => document.querySelector('#play')?.textContent === 'Play');
    expect(Date.now() - asked).toBeLessThan(1000);
    // A round already asked for still arrives; after it, nothing moves.
    await page.waitForTimeout(300);
    const paused = await roundOf(t);
    await page.waitForTimeout(300);
    expect(await roundOf(t)).toBe(paused);
    expect(t.errors).toEqual([]);
    await page.close();
  });

  it('runs the core only in the worker: the page’s own script holds none of it', () => {
    const assets = readdirSync(join(site.outDir, 'assets'));
    const page = assets.filter((f) => /^index-.*\.js$/.test(f)).map((f) => readFileSync(join(site.outDir, 'assets', f), 'utf8')).join('');
    const worker = assets.filter((f) => /^worker-.*\.js$/.test(f)).map((f) => readFileSync(join(site.outDir, 'assets', f), 'utf8')).join('');
    // Text of the core's explanation and of the scenario validator.
    for (const marker of ['bought off', 'unknown field']) {
      expect(worker).toContain(marker);
      expect(page).not.toContain(marker);
    }
  });

  it('works from a sub-path of a plain static server', async () => {
    const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.md': 'text/markdown' };
    const server: Server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      if (!url.pathname.startsWith('/deep/sub/')) return void res.writeHead(404).end();
      const rel = normalize(url.pathname.slice('/deep/sub/'.length) || 'index.html').replace(/^(\.\.[/\\])+/, '');
      try {
        const body = readFileSync(join(site.outDir, rel));
        res.writeHead(200, { 'content-type': types[extname(rel)] ?? 'application/octet-stream' }).end(body);
      } catch {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const port = (server.address() as { port: number }).port;
    try {
      const t = await site.page();
      await t.page.goto(`http://127.0.0.1:${port}/deep/sub/?scenario=exclusion&seed=5&autoplay=1&speed=max`);
      const shown = await waitForOutcome(t.page);
      expect(shown.text).toContain('exclusion');
      expect(t.errors).toEqual([]);
      await t.page.close();
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
  });

  it('runs from the development server that npm start opens', async () => {
    const server = await createViteServer({ root: ROOT, configFile: join(ROOT, 'vite.config.ts'), logLevel: 'silent', server: { port: 0, host: '127.0.0.1' } });
    await server.listen();
    try {
      const t = await site.page();
      await t.page.goto(`${server.resolvedUrls!.local[0]}?scenario=contested-majority&seed=2&autoplay=1&speed=max`);
      const shown = await waitForOutcome(t.page);
      // The class id in data-outcome, plain words in the text.
      expect(shown.outcome).toBe('contested-decision');
      expect(shown.text).toContain('Contested decision');
      expect(t.errors).toEqual([]);
      await t.page.close();
    } finally {
      await server.close();
    }
  }, 60_000);

  it('saves screenshots at 1280×800 and 390×844', async () => {
    for (const [width, height] of [
      [1280, 800],
      [390, 844],
    ]) {
      const t = await open('?scenario=tyranny-of-the-minority&seed=3&autoplay=1&speed=max', { width, height });
      await waitForOutcome(t.page);
      await t.page.screenshot({ path: join(SCREENSHOTS, `page-${width}x${height}.png`) });
      await t.page.screenshot({ path: join(SCREENSHOTS, `page-${width}x${height}-full.png`), fullPage: true });
      await t.page.locator('.timeline-panel').screenshot({ path: join(SCREENSHOTS, `timeline-${width}x${height}.png`) });
      expect(t.errors).toEqual([]);
      await t.page.close();
    }
    const mid = await open('?scenario=iana-transition&seed=3');
    for (let k = 0; k < 14; k++) await mid.page.keyboard.press('ArrowRight');
    await mid.page.waitForFunction(() => document.querySelector<HTMLElement>('[data-testid=\"round\"]')?.dataset.round === '14');
    await mid.page.waitForTimeout(400);
    await mid.page.screenshot({ path: join(SCREENSHOTS, 'page-1280x800-round-14.png') });
    expect(mid.errors).toEqual([]);
    await mid.page.close();
    const big = await open('?scenario=reference&seed=1&set.stakeholders%5B0%5D.generate=9980');
    for (let k = 0; k < 6; k++) await big.page.keyboard.press('ArrowRight');
    await big.page.waitForFunction(() => document.querySelector<HTMLElement>('[data-testid=\"round\"]')?.dataset.round === '6');
    await big.page.screenshot({ path: join(SCREENSHOTS, 'page-10000-stakeholders.png') });
    await big.page.close();
  });
});
