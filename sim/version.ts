/** The engine version written into every result: same scenario + seed + engine = same result. */
export const ENGINE_VERSION = '0.1.0';
