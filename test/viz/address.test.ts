import { describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES } from '../../batch/index.ts';
import { MAX_FILE_CHARS } from '../../sim/scenario/index.ts';
import { MAX_SCENARIO_BYTES, PACKED, PackedTooLarge, packScenario, readAddress, unpackScenario, writeAddress } from '../../viz/address.ts';
import { deflateBomb } from './deflate-bomb.ts';

describe('the address', () => {
  it('reads scenario, seed, overrides in order, autoplay and speed', () => {
    const a = readAddress('?scenario=glacial-drift&seed=7&set.convenor.deadline=120&set.stakeholders%5B2%5D.power=3&autoplay=1&speed=max');
    expect(a).toEqual({
      scenario: 'glacial-drift',
      seed: 7,
      overrides: ['convenor.deadline=120', 'stakeholders[2].power=3'],
      autoplay: true,
      speed: 'max',
      mode: null,
      lang: null,
      fork: null,
      forkSet: [],
      map: null,
    });
    expect(readAddress('?scenario=reference&mode=class').mode).toBe('class');
    // The page's language is kept as asked, and written back.
    expect(readAddress('?scenario=reference&lang=fr').lang).toBe('fr');
    expect(writeAddress({ scenario: 'reference', seed: null, overrides: [], autoplay: false, speed: null, lang: 'fr' })).toBe('?scenario=reference&lang=fr');
    expect(writeAddress({ scenario: 'reference', seed: null, overrides: [], autoplay: false, speed: null, mode: 'class' })).toBe('?scenario=reference&mode=class');
  });

  it('keeps a value with "=" and YAML in it, and writes back what it read', () => {
    const search = writeAddress({ scenario: 'reference', seed: 3, overrides: ['convenor.rule={type: unanimity}', 'name=a=b'], autoplay: false, speed: null });
    expect(readAddress(search).overrides).toEqual(['convenor.rule={type: unanimity}', 'name=a=b']);
    expect(readAddress(search).seed).toBe(3);
  });

  it('holds a fork: its round and its changes, apart from the run\'s own, and writes back what it read', () => {
    const a = readAddress('?scenario=reference&seed=2&set.convenor.deadline=80&fork=30&fork.set.convenor.subsidies.civil=2&fork.set.convenor.sideChannel=true');
    expect([a.overrides, a.fork, a.forkSet]).toEqual([['convenor.deadline=80'], 30, ['convenor.subsidies.civil=2', 'convenor.sideChannel=true']]);
    expect(readAddress(writeAddress({ ...a, autoplay: false }))).toEqual({ ...a, autoplay: false });
    expect(readAddress('?fork=soon').fork).toBeNull();
  });

  it('holds a regime map: its axes as convene map takes them, and its seeds', () => {
    const a = readAddress(`?scenario=reference&map.x=${encodeURIComponent('convenor.attendanceCost=0:3:20')}&map.y=${encodeURIComponent('convenor.deadline=10:200:20')}&map.seeds=50`);
    expect(a.map).toEqual({ x: 'convenor.attendanceCost=0:3:20', y: 'convenor.deadline=10:200:20', seeds: 50, by: null });
    expect(readAddress(writeAddress({ ...a, autoplay: false })).map).toEqual(a.map);
    // Coloured by a flag: map.by names it; anything else is how the meetings end.
    expect(readAddress(`?map.x=a=0:1:2&map.y=b=0:1:2&map.by=exclusion`).map?.by).toBe('exclusion');
    expect(readAddress(`?map.x=a=0:1:2&map.y=b=0:1:2&map.by=theft`).map?.by).toBeNull();
    expect(readAddress('?map.x=a=0:1:2').map).toBeNull();
  });

  it('ignores a seed that is not a whole number', () => {
    expect(readAddress('?seed=abc').seed).toBeNull();
    expect(readAddress('?seed=-1').seed).toBeNull();
    expect(readAddress('?seed=4294967296').seed).toBeNull();
    expect(readAddress('?seed=4294967295').seed).toBe(4294967295);
  });

  it('packs a scenario text into the address and back, unicode included', async () => {
    const text = 'convene: 1\nname: "Café <b>négociation</b> ✓"\n' + 'x'.repeat(5000);
    const packed = await packScenario(text);
    expect(packed).toMatch(/^z\.[A-Za-z0-9_-]+$/);
    expect(packed.length).toBeLessThan(200);
    expect(await unpackScenario(packed)).toBe(text);
  });

  it('takes the limit the loader and `convene` take: 5 MB', () => {
    expect(MAX_SCENARIO_BYTES).toBe(MAX_FILE_CHARS);
    expect(MAX_SCENARIO_BYTES).toBe(MAX_FILE_BYTES);
  });

  it('unpacks a scenario of exactly the limit and refuses one byte more, counting UTF-8 bytes', async () => {
    const limit = 1000;
    const at = 'a'.repeat(limit - 2) + 'é'; // 998 one-byte characters and a two-byte one: 1,000 bytes
    expect(await unpackScenario(await packScenario(at), limit)).toBe(at);
    await expect(unpackScenario(await packScenario(at + 'a'), limit)).rejects.toBeInstanceOf(PackedTooLarge);
    // 999 characters, but 1,001 bytes.
    await expect(unpackScenario(await packScenario('é'.repeat(2) + 'a'.repeat(997)), limit)).rejects.toBeInstanceOf(PackedTooLarge);
  });

  it('refuses a link that would unpack to 1 GB, having unpacked little of it', async () => {
    const bomb = PACKED + (await deflateBomb(1e9)).toString('base64url');
    // deflate packs a run about 1,000 to 1: a 1 GB bomb is about 1 MB, so a link of under 2 MB.
    expect(bomb.length).toBeLessThan(2_000_000);
    const before = process.memoryUsage();
    const error = await unpackScenario(bomb).catch((e: unknown) => e);
    const after = process.memoryUsage();
    expect(error).toBeInstanceOf(PackedTooLarge);
    expect((error as Error).message).toBe('the scenario in the address unpacks to more than 5000000 bytes');
    // The whole would be 1,000 MB; what was unpacked and kept is at most the limit plus a piece.
    expect(after.arrayBuffers - before.arrayBuffers).toBeLessThan(100e6);
    expect(after.rss - before.rss).toBeLessThan(100e6);
  });

  it('tells a link that is not a packed scenario from one that is too large', async () => {
    await expect(unpackScenario('z.not*base64')).rejects.not.toBeInstanceOf(PackedTooLarge);
    await expect(unpackScenario('z.AAAA')).rejects.not.toBeInstanceOf(PackedTooLarge);
  });
});
