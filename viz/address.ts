/**
 * The address bar as the run's description (issue 3, points 11 and 12): `scenario` (a bundled id,
 * or the scenario text deflated and base64url-encoded after `z.`), `seed`, `set.PATH=VALUE`
 * overrides in order, `autoplay=1`, `speed=max`.
 */

export interface Address {
  scenario: string | null;
  seed: number | null;
  /** `PATH=VALUE` texts, as on the command line. */
  overrides: string[];
  autoplay: boolean;
  speed: string | null;
}

const SET = 'set.';
export const PACKED = 'z.';

export function readAddress(search: string): Address {
  const params = new URLSearchParams(search);
  const overrides: string[] = [];
  for (const [key, value] of params) if (key.startsWith(SET)) overrides.push(`${key.slice(SET.length)}=${value}`);
  const seedText = params.get('seed');
  const seed = seedText !== null && /^\d{1,10}$/.test(seedText.trim()) && Number(seedText) <= 2 ** 32 - 1 ? Number(seedText) : null;
  return {
    scenario: params.get('scenario'),
    seed,
    overrides,
    autoplay: params.get('autoplay') === '1',
    speed: params.get('speed'),
  };
}

export function writeAddress(a: Address): string {
  const params = new URLSearchParams();
  if (a.scenario !== null) params.set('scenario', a.scenario);
  if (a.seed !== null) params.set('seed', String(a.seed));
  for (const o of a.overrides) {
    const eq = o.indexOf('=');
    params.append(SET + o.slice(0, eq), o.slice(eq + 1));
  }
  if (a.autoplay) params.set('autoplay', '1');
  if (a.speed !== null) params.set('speed', a.speed);
  return `?${params.toString()}`;
}

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

function toBase64Url(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const raw = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  return Uint8Array.from(raw, (c) => c.charCodeAt(0));
}

/** The scenario text as an address value: `z.` + base64url(deflate-raw(UTF-8)). */
export async function packScenario(text: string): Promise<string> {
  return PACKED + toBase64Url(await pipe(new TextEncoder().encode(text), new CompressionStream('deflate-raw')));
}

export async function unpackScenario(value: string): Promise<string> {
  const body = value.startsWith(PACKED) ? value.slice(PACKED.length) : value;
  return new TextDecoder('utf-8', { fatal: true }).decode(await pipe(fromBase64Url(body), new DecompressionStream('deflate-raw')));
}
