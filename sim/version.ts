/** The engine version written into every result: same scenario + seed + engine = same result. */
export const ENGINE_VERSION = '0.2.0';

/** The version of MODEL.md the engine implements (2: bargaining power, the compromise draft, leaving). */
export const MODEL_VERSION = 2;
