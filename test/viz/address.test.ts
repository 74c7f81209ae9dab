import { describe, expect, it } from 'vitest';
import { packScenario, readAddress, unpackScenario, writeAddress } from '../../viz/address.ts';

describe('the address', () => {
  it('reads scenario, seed, overrides in order, autoplay and speed', () => {
    const a = readAddress('?scenario=glacial-drift&seed=7&set.convenor.deadline=120&set.stakeholders%5B2%5D.power=3&autoplay=1&speed=max');
    expect(a).toEqual({
      scenario: 'glacial-drift',
      seed: 7,
      overrides: ['convenor.deadline=120', 'stakeholders[2].power=3'],
      autoplay: true,
      speed: 'max',
    });
  });

  it('keeps a value with "=" and YAML in it, and writes back what it read', () => {
    const search = writeAddress({ scenario: 'reference', seed: 3, overrides: ['convenor.rule={type: unanimity}', 'name=a=b'], autoplay: false, speed: null });
    expect(readAddress(search).overrides).toEqual(['convenor.rule={type: unanimity}', 'name=a=b']);
    expect(readAddress(search).seed).toBe(3);
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
});
