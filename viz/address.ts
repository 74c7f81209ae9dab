/**
 * The address bar as the run's description: `scenario` (a bundled id,
 * or the scenario text deflated and base64url-encoded after `z.`), `seed`, `set.PATH=VALUE`
 * overrides in order, `autoplay=1`, `speed=max`, `mode=class` (the one-screen view for a class),
 * `lang` (the page's language, e.g. `fr`; the browser's otherwise),
 * and a fork: `fork=ROUND` with its changes as `fork.set.PATH=VALUE`, as `convene run --fork-at
 * ROUND --set PATH=VALUE` makes it.
 */

import { FLAGS, type Flag } from '../sim/index.ts';

export interface Address {
  scenario: string | null;
  seed: number | null;
  /** `PATH=VALUE` texts, as on the command line. */
  overrides: string[];
  autoplay: boolean;
  speed: string | null;
  /** `class`: the room, the timeline, the outcome and the bet on one screen, large. */
  mode?: 'class' | null;
  /** The page's language as asked (`fr`), or null: the browser's. Kept as written; viz/messages chooses. */
  lang?: string | null;
  /** The run forked after this many rounds under `forkSet`'s changes, or null. */
  fork?: number | null;
  forkSet?: string[];
  /** A regime map: each axis as `PATH=LO:HI:STEPS` (as `convene map --x` takes it) and its seeds per cell. */
  map?: { x: string; y: string; seeds: number; by?: Flag | null } | null;
}

/**
 * The most bytes a scenario may have on the page, unpacked from a link or opened from a file: the
 * loader's limit (MAX_FILE_CHARS, 5 MB), counted in UTF-8 bytes as `convene` counts a file's
 * (MAX_FILE_BYTES), so what the page accepts the command line accepts too. Written out rather
 * than imported: importing the loader here would put YAML and the schema in the page's first
 * script; test/viz/address.test.ts holds the three equal.
 */
export const MAX_SCENARIO_BYTES = 5_000_000;

const SET = 'set.';
const FORK_SET = 'fork.set.';
export const PACKED = 'z.';

export function readAddress(search: string): Address {
  const params = new URLSearchParams(search);
  const overrides: string[] = [];
  const forkSet: string[] = [];
  for (const [key, value] of params) {
    if (key.startsWith(SET)) overrides.push(`${key.slice(SET.length)}=${value}`);
    else if (key.startsWith(FORK_SET)) forkSet.push(`${key.slice(FORK_SET.length)}=${value}`);
  }
  const forkText = params.get('fork');
  const [mapX, mapY, mapSeeds, mapBy] = [params.get('map.x'), params.get('map.y'), params.get('map.seeds'), params.get('map.by')];
  const seedText = params.get('seed');
  const seed = seedText !== null && /^\d{1,10}$/.test(seedText.trim()) && Number(seedText) <= 2 ** 32 - 1 ? Number(seedText) : null;
  return {
    scenario: params.get('scenario'),
    seed,
    overrides,
    autoplay: params.get('autoplay') === '1',
    speed: params.get('speed'),
    mode: params.get('mode') === 'class' ? 'class' : null,
    lang: params.get('lang'),
    fork: forkText !== null && /^\d{1,6}$/.test(forkText.trim()) ? Number(forkText) : null,
    forkSet,
    map:
      mapX !== null && mapY !== null
        ? { x: mapX, y: mapY, seeds: mapSeeds !== null && /^\d{1,4}$/.test(mapSeeds) ? Number(mapSeeds) : 20, by: (FLAGS as readonly string[]).includes(mapBy ?? '') ? (mapBy as Flag) : null }
        : null,
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
  if (a.mode === 'class') params.set('mode', 'class');
  if (a.lang) params.set('lang', a.lang);
  if (a.fork !== null && a.fork !== undefined) {
    params.set('fork', String(a.fork));
    for (const o of a.forkSet ?? []) {
      const eq = o.indexOf('=');
      params.append(FORK_SET + o.slice(0, eq), o.slice(eq + 1));
    }
  }
  if (a.map) {
    params.set('map.x', a.map.x);
    params.set('map.y', a.map.y);
    params.set('map.seeds', String(a.map.seeds));
    if (a.map.by) params.set('map.by', a.map.by);
  }
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

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const raw = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

/** The scenario text as an address value: `z.` + base64url(deflate-raw(UTF-8)). */
export async function packScenario(text: string): Promise<string> {
  return PACKED + toBase64Url(await pipe(new TextEncoder().encode(text), new CompressionStream('deflate-raw')));
}

/** A packed scenario that unpacks past the size limit: refused before it is all unpacked. */
export class PackedTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`the scenario in the address unpacks to more than ${limit} bytes`);
  }
}

/**
 * Compressed input is fed to the inflater in pieces this small: Chromium's inflater writes out all
 * that one piece holds before the reader can look, and deflate expands at most about 1,032 to 1, so
 * no piece can unpack to more than about 4 MB before the count below sees it.
 */
const INPUT_PIECE = 4096;

/**
 * The scenario text from an address value. It is unpacked as a stream and the bytes counted as they
 * come: past `limit` (a scenario file's limit, 5 MB, by default) the stream is cancelled and
 * PackedTooLarge thrown, so a small link that would inflate to gigabytes costs a few megabytes.
 * Anything else wrong (not base64url, not deflate, not UTF-8) throws a plain Error.
 */
export async function unpackScenario(value: string, limit = MAX_SCENARIO_BYTES): Promise<string> {
  const body = value.startsWith(PACKED) ? value.slice(PACKED.length) : value;
  const packed = fromBase64Url(body);
  let at = 0;
  const input = new ReadableStream<BufferSource>({
    pull(controller) {
      if (at >= packed.length) return controller.close();
      controller.enqueue(packed.subarray(at, at + INPUT_PIECE));
      at += INPUT_PIECE;
    },
  });
  const reader = input.pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  const pieces: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value: piece } = await reader.read();
    if (done) break;
    size += piece.byteLength;
    if (size > limit) {
      pieces.length = 0;
      await reader.cancel().catch(() => {});
      throw new PackedTooLarge(limit);
    }
    pieces.push(piece);
  }
  const whole = new Uint8Array(size);
  let offset = 0;
  for (const piece of pieces) {
    whole.set(piece, offset);
    offset += piece.byteLength;
  }
  return new TextDecoder('utf-8', { fatal: true }).decode(whole);
}
