/**
 * The elementary functions the model computes with (exp, log, sin, cos), the same bit for bit in
 * every JavaScript engine: `Math.exp` and friends are only required to approximate, and two
 * releases of V8 (Node's and Chromium's) differ in the last bit for a few percent of inputs, which
 * made the same seed adopt different points in the browser and on the command line.
 *
 * A port of fdlibm as FreeBSD's msun keeps it (e_exp.c, e_log.c, k_sin.c, k_cos.c, s_sin.c,
 * s_cos.c and the small and medium cases of e_rem_pio2.c; Sun Microsystems, 1993, freely
 * redistributable), statement for statement in IEEE double arithmetic, which JavaScript performs
 * exactly as C's doubles do: each result is within 1 ulp of the exact value, and the same
 * everywhere. `Math.sqrt` is correctly rounded by IEEE 754 and needs no port.
 *
 * sin and cos reduce their argument by π/2 with fdlibm's Cody–Waite steps, exact for
 * |x| < 2^20·π/2 (about 1.6 million); beyond that fdlibm needs the Payne–Hanek reduction, which the
 * core never asks for (its angles lie in [0, 2π)), so such an argument is a RangeError, never a
 * silently different value.
 */

// The two 32-bit words of a double (little-endian typed arrays on every engine that runs this:
// checked below), as fdlibm's GET_HIGH_WORD and friends.
const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
const i32 = new Int32Array(f64.buffer);
f64[0] = 1;
if (u32[1] !== 0x3ff00000) throw new Error('elementary.ts expects little-endian doubles');

function highWord(x: number): number {
  f64[0] = x;
  return i32[1];
}

function lowWord(x: number): number {
  f64[0] = x;
  return u32[0];
}

function fromWords(high: number, low: number): number {
  i32[1] = high;
  u32[0] = low;
  return f64[0];
}

function withHighWord(x: number, high: number): number {
  f64[0] = x;
  i32[1] = high;
  return f64[0];
}

// ---------------------------------------------------------------------------------------------
// exp (e_exp.c)

const O_THRESHOLD = 7.09782712893383973096e2;
const U_THRESHOLD = -7.45133219101941108420e2;
const LN2_HI = 6.93147180369123816490e-1;
const LN2_LO = 1.90821492927058770002e-10;
const INV_LN2 = 1.44269504088896338700;
const P1 = 1.66666666666666019037e-1;
const P2 = -2.77777777770155933842e-3;
const P3 = 6.61375632143793436117e-5;
const P4 = -1.65339022054652515390e-6;
const P5 = 4.13813679705723846039e-8;
const HUGE = 1.0e300;
const TWO_M1000 = 9.33263618503218878990e-302; // 2^-1000
const TWO_1023 = 8.98846567431157953865e307; // 2^1023
const E = 2.718281828459045; // the double nearest e

/** e^x, within 1 ulp (fdlibm's __ieee754_exp). */
export function exp(x: number): number {
  let hx = highWord(x);
  const xsb = (hx >>> 31) & 1;
  hx &= 0x7fffffff;
  let hi = 0;
  let lo = 0;
  let k = 0;

  // Non-finite, overflow, underflow.
  if (hx >= 0x40862e42) {
    if (hx >= 0x7ff00000) {
      if (((hx & 0xfffff) | lowWord(x)) !== 0) return x + x; // NaN
      return xsb === 0 ? x : 0; // exp(±∞) = ∞, 0
    }
    if (x > O_THRESHOLD) return HUGE * HUGE;
    if (x < U_THRESHOLD) return TWO_M1000 * TWO_M1000;
  }

  // Argument reduction: x = k·ln2 + r, |r| ≤ ln2/2.
  if (hx > 0x3fd62e42) {
    if (hx < 0x3ff0a2b2) {
      // fdlibm's e^1 is 1 ulp above the double nearest e; V8's port returns that double, as here.
      if (x === 1) return E;
      hi = xsb === 0 ? x - LN2_HI : x + LN2_HI;
      lo = xsb === 0 ? LN2_LO : -LN2_LO;
      k = 1 - xsb - xsb;
    } else {
      k = Math.trunc(INV_LN2 * x + (xsb === 0 ? 0.5 : -0.5));
      hi = x - k * LN2_HI; // exact
      lo = k * LN2_LO;
    }
    x = hi - lo;
  } else if (hx < 0x3e300000) {
    // |x| < 2^-28
    return 1 + x;
  } else {
    k = 0;
  }

  const t = x * x;
  const twopk = k >= -1021 ? fromWords((0x3ff00000 + (k << 20)) | 0, 0) : fromWords((0x3ff00000 + ((k + 1000) << 20)) | 0, 0);
  const c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k === 0) return 1 - ((x * c) / (c - 2.0) - x);
  const y = 1 - (lo - (x * c) / (2.0 - c) - hi);
  if (k >= -1021) {
    if (k === 1024) return y * 2.0 * TWO_1023;
    return y * twopk;
  }
  return y * twopk * TWO_M1000;
}

// ---------------------------------------------------------------------------------------------
// log (e_log.c)

const TWO54 = 1.80143985094819840000e16;
const LG1 = 6.666666666666735130e-1;
const LG2 = 3.999999999940941908e-1;
const LG3 = 2.857142874366239149e-1;
const LG4 = 2.222219843214978396e-1;
const LG5 = 1.818357216161805012e-1;
const LG6 = 1.531383769920937332e-1;
const LG7 = 1.479819860511658591e-1;

/** The natural logarithm, within 1 ulp (fdlibm's __ieee754_log). */
export function log(x: number): number {
  let hx = highWord(x);
  const lx = lowWord(x);
  let k = 0;
  if (hx < 0x00100000) {
    // x < 2^-1022: zero, negative or subnormal
    if (((hx & 0x7fffffff) | lx) === 0) return -Infinity; // log(±0)
    if (hx < 0) return NaN; // log(negative)
    k -= 54;
    x *= TWO54; // scale a subnormal up
    hx = highWord(x);
  }
  if (hx >= 0x7ff00000) return x + x; // ∞ or NaN
  k += (hx >> 20) - 1023;
  hx &= 0x000fffff;
  let i = (hx + 0x95f64) & 0x100000;
  x = withHighWord(x, hx | (i ^ 0x3ff00000)); // normalize x or x/2
  k += i >> 20;
  const f = x - 1.0;
  if ((0x000fffff & (2 + hx)) < 3) {
    // -2^-20 ≤ f < 2^-20
    if (f === 0) {
      if (k === 0) return 0;
      return k * LN2_HI + k * LN2_LO;
    }
    const R = f * f * (0.5 - 0.33333333333333333 * f);
    if (k === 0) return f - R;
    return k * LN2_HI - (R - k * LN2_LO - f);
  }
  const s = f / (2.0 + f);
  const dk = k;
  const z = s * s;
  i = hx - 0x6147a;
  const w = z * z;
  const j = 0x6b851 - hx;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  i |= j;
  const R = t2 + t1;
  if (i > 0) {
    const hfsq = 0.5 * f * f;
    if (k === 0) return f - (hfsq - s * (hfsq + R));
    return dk * LN2_HI - (hfsq - (s * (hfsq + R) + dk * LN2_LO) - f);
  }
  if (k === 0) return f - s * (f - R);
  return dk * LN2_HI - (s * (f - R) - dk * LN2_LO - f);
}

// ---------------------------------------------------------------------------------------------
// sin and cos (k_sin.c, k_cos.c, s_sin.c, s_cos.c)

const S1 = -1.66666666666666324348e-1;
const S2 = 8.33333333332248946124e-3;
const S3 = -1.98412698298579493134e-4;
const S4 = 2.75573137070700676789e-6;
const S5 = -2.50507602534068634195e-8;
const S6 = 1.58969099521155010221e-10;

/** sin(x + y) for |x + y| ≤ π/4, y the tail of x; `iy` 0 when y is 0. */
function kernelSin(x: number, y: number, iy: number): number {
  const z = x * x;
  const w = z * z;
  const r = S2 + z * (S3 + z * S4) + z * w * (S5 + z * S6);
  const v = z * x;
  if (iy === 0) return x + v * (S1 + z * r);
  return x - (z * (0.5 * y - v * r) - y - v * S1);
}

const C1 = 4.16666666666666019037e-2;
const C2 = -1.38888888888741095749e-3;
const C3 = 2.48015872894767294178e-5;
const C4 = -2.75573143513906633035e-7;
const C5 = 2.08757232129817482790e-9;
const C6 = -1.13596475577881948265e-11;

/** cos(x + y) for |x + y| ≤ π/4, y the tail of x. */
function kernelCos(x: number, y: number): number {
  const z = x * x;
  let w = z * z;
  const r = z * (C1 + z * (C2 + z * C3)) + w * w * (C4 + z * (C5 + z * C6));
  const hz = 0.5 * z;
  w = 1 - hz;
  return w + (1 - w - hz + (z * r - x * y));
}

const INV_PIO2 = 6.36619772367581382433e-1;
const PIO2_1 = 1.57079632673412561417;
const PIO2_1T = 6.07710050650619224932e-11;
const PIO2_2 = 6.07710050630396597660e-11;
const PIO2_2T = 2.02226624879595063154e-21;
const PIO2_3 = 2.02226624871116645580e-21;
const PIO2_3T = 8.47842766036889956997e-32;
/** 1.5·2^52: adding and subtracting it rounds a double below 2^51 to the nearest integer, ties to even. */
const TO_INT = 6755399441055744;

/** The reduced argument: x = n·π/2 + (y0 + y1), |y0 + y1| ≤ π/4 (fdlibm's __ieee754_rem_pio2). */
const reduced = new Float64Array(2);

function remPio2(x: number): number {
  const hx = highWord(x);
  const ix = hx & 0x7fffffff;
  const y = reduced;
  const small = (n: number): number => {
    // x ∓ n·π/2 in one step, good to 85 bits.
    const z = hx > 0 ? x - n * PIO2_1 : x + n * PIO2_1;
    const t = hx > 0 ? n * PIO2_1T : -n * PIO2_1T;
    y[0] = z - t;
    y[1] = z - y[0] - t;
    return hx > 0 ? n : -n;
  };
  if (ix <= 0x400f6a7a) {
    // |x| ≲ 5π/4
    if ((ix & 0xfffff) !== 0x921fb) return small(ix <= 0x4002d97c ? 1 : 2); // else |x| ≈ π/2 or π: medium
  } else if (ix <= 0x401c463b) {
    // |x| ≲ 9π/4
    if (ix <= 0x4015fdbc) {
      if (ix !== 0x4012d97c) return small(3); // else |x| ≈ 3π/2
    } else if (ix !== 0x401921fb) {
      return small(4); // else |x| ≈ 2π
    }
  } else if (ix >= 0x413921fb) {
    throw new RangeError(`sin and cos of ${x}: |x| at or above 2^20·π/2 needs a reduction this port leaves out`);
  }
  // Medium: |x| < 2^20·π/2.
  const fn = x * INV_PIO2 + TO_INT - TO_INT;
  const n = fn | 0;
  let r = x - fn * PIO2_1;
  let w = fn * PIO2_1T; // first round, good to 85 bits
  const j = ix >> 20;
  y[0] = r - w;
  let i = j - ((highWord(y[0]) >> 20) & 0x7ff);
  if (i > 16) {
    // second iteration, good to 118 bits
    let t = r;
    w = fn * PIO2_2;
    r = t - w;
    w = fn * PIO2_2T - (t - r - w);
    y[0] = r - w;
    i = j - ((highWord(y[0]) >> 20) & 0x7ff);
    if (i > 49) {
      // third iteration, 151 bits: covers every case
      t = r;
      w = fn * PIO2_3;
      r = t - w;
      w = fn * PIO2_3T - (t - r - w);
      y[0] = r - w;
    }
  }
  y[1] = r - y[0] - w;
  return n;
}

/** The sine, within 1 ulp, for |x| < 2^20·π/2 (fdlibm's sin). */
export function sin(x: number): number {
  const ix = highWord(x) & 0x7fffffff;
  if (ix <= 0x3fe921fb) {
    // |x| ≲ π/4
    if (ix < 0x3e500000) return x; // |x| < 2^-26
    return kernelSin(x, 0, 0);
  }
  if (ix >= 0x7ff00000) return x - x; // NaN
  const n = remPio2(x);
  const [y0, y1] = reduced;
  switch (n & 3) {
    case 0:
      return kernelSin(y0, y1, 1);
    case 1:
      return kernelCos(y0, y1);
    case 2:
      return -kernelSin(y0, y1, 1);
    default:
      return -kernelCos(y0, y1);
  }
}

/** The cosine, within 1 ulp, for |x| < 2^20·π/2 (fdlibm's cos). */
export function cos(x: number): number {
  const ix = highWord(x) & 0x7fffffff;
  if (ix <= 0x3fe921fb) {
    if (ix < 0x3e46a09e) return 1; // |x| < 2^-27·√2
    return kernelCos(x, 0);
  }
  if (ix >= 0x7ff00000) return x - x;
  const n = remPio2(x);
  const [y0, y1] = reduced;
  switch (n & 3) {
    case 0:
      return kernelCos(y0, y1);
    case 1:
      return -kernelSin(y0, y1, 1);
    case 2:
      return -kernelCos(y0, y1);
    default:
      return kernelSin(y0, y1, 1);
  }
}
