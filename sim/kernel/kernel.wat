;; The hot loops of a round over many stakeholders, in WebAssembly (see kernel.ts). Each does
;; exactly what its TypeScript twin does, operation for operation and in the same order, so the
;; results are the same bit for bit: evaluate = evaluation-pass.ts, attend = attendance-pass.ts.
;; Pointers are byte offsets into the run's memory, where the run keeps its typed arrays (arena.ts);
;; each function's parameters are boundary.ts's table, in its order (a test holds them to it).
;; Assembled by scripts/build-kernel.mjs.
(module
  (import "env" "memory" (memory 1))

  ;; The core's elementary functions (elementary.ts, a port of fdlibm), statement for statement
  ;; in the same IEEE double operations, so the kernel and the TypeScript passes agree bit for bit
  ;; and neither depends on the engine's Math. Constants are written in hexadecimal: exact.

  ;; e^x: exp of elementary.ts (fdlibm's __ieee754_exp).
  (func $exp (param $x f64) (result f64)
    (local $bits i64) (local $hx i32) (local $xsb i32) (local $k i32)
    (local $hi f64) (local $lo f64) (local $t f64) (local $c f64) (local $y f64) (local $twopk f64)
    (local.set $bits (i64.reinterpret_f64 (local.get $x)))
    (local.set $hx (i32.wrap_i64 (i64.shr_u (local.get $bits) (i64.const 32))))
    (local.set $xsb (i32.shr_u (local.get $hx) (i32.const 31)))
    (local.set $hx (i32.and (local.get $hx) (i32.const 0x7fffffff)))
    ;; non-finite, overflow, underflow
    (if (i32.ge_u (local.get $hx) (i32.const 0x40862e42))
      (then
        (if (i32.ge_u (local.get $hx) (i32.const 0x7ff00000))
          (then
            (if (i32.or (i32.and (local.get $hx) (i32.const 0xfffff)) (i32.wrap_i64 (local.get $bits)))
              (then (return (f64.add (local.get $x) (local.get $x)))))
            (return (select (local.get $x) (f64.const 0) (i32.eqz (local.get $xsb))))))
        (if (f64.gt (local.get $x) (f64.const 0x1.62e42fefa39efp9)) (then (return (f64.const inf))))
        (if (f64.lt (local.get $x) (f64.const -0x1.74910d52d3051p9)) (then (return (f64.const 0))))))
    ;; argument reduction: x = k·ln2 + r, |r| ≤ ln2/2
    (if (i32.gt_u (local.get $hx) (i32.const 0x3fd62e42))
      (then
        (if (i32.lt_u (local.get $hx) (i32.const 0x3ff0a2b2))
          (then
            (if (f64.eq (local.get $x) (f64.const 1)) (then (return (f64.const 0x1.5bf0a8b145769p1))))
            (if (i32.eqz (local.get $xsb))
              (then
                (local.set $hi (f64.sub (local.get $x) (f64.const 0x1.62e42fee00000p-1)))
                (local.set $lo (f64.const 0x1.a39ef35793c76p-33)))
              (else
                (local.set $hi (f64.add (local.get $x) (f64.const 0x1.62e42fee00000p-1)))
                (local.set $lo (f64.const -0x1.a39ef35793c76p-33))))
            (local.set $k (i32.sub (i32.const 1) (i32.shl (local.get $xsb) (i32.const 1)))))
          (else
            (local.set $k (i32.trunc_f64_s (f64.add (f64.mul (f64.const 0x1.71547652b82fep0) (local.get $x))
              (select (f64.const 0.5) (f64.const -0.5) (i32.eqz (local.get $xsb))))))
            (local.set $t (f64.convert_i32_s (local.get $k)))
            (local.set $hi (f64.sub (local.get $x) (f64.mul (local.get $t) (f64.const 0x1.62e42fee00000p-1))))
            (local.set $lo (f64.mul (local.get $t) (f64.const 0x1.a39ef35793c76p-33)))))
        (local.set $x (f64.sub (local.get $hi) (local.get $lo))))
      (else
        ;; |x| < 2^-28
        (if (i32.lt_u (local.get $hx) (i32.const 0x3e300000)) (then (return (f64.add (f64.const 1) (local.get $x)))))))
    (local.set $t (f64.mul (local.get $x) (local.get $x)))
    (local.set $twopk (f64.reinterpret_i64 (i64.shl (i64.extend_i32_u
      (select
        (i32.add (i32.const 0x3ff00000) (i32.shl (local.get $k) (i32.const 20)))
        (i32.add (i32.const 0x3ff00000) (i32.shl (i32.add (local.get $k) (i32.const 1000)) (i32.const 20)))
        (i32.ge_s (local.get $k) (i32.const -1021)))) (i64.const 32))))
    (local.set $c (f64.sub (local.get $x) (f64.mul (local.get $t)
      (f64.add (f64.const 0x1.555555555553ep-3) (f64.mul (local.get $t)
        (f64.add (f64.const -0x1.6c16c16bebd93p-9) (f64.mul (local.get $t)
          (f64.add (f64.const 0x1.1566aaf25de2cp-14) (f64.mul (local.get $t)
            (f64.add (f64.const -0x1.bbd41c5d26bf1p-20) (f64.mul (local.get $t) (f64.const 0x1.6376972bea4d0p-25))))))))))))
    (if (i32.eqz (local.get $k))
      (then (return (f64.sub (f64.const 1)
        (f64.sub (f64.div (f64.mul (local.get $x) (local.get $c)) (f64.sub (local.get $c) (f64.const 2))) (local.get $x))))))
    (local.set $y (f64.sub (f64.const 1)
      (f64.sub (f64.sub (local.get $lo) (f64.div (f64.mul (local.get $x) (local.get $c)) (f64.sub (f64.const 2) (local.get $c)))) (local.get $hi))))
    (if (i32.ge_s (local.get $k) (i32.const -1021))
      (then
        (if (i32.eq (local.get $k) (i32.const 1024))
          (then (return (f64.mul (f64.mul (local.get $y) (f64.const 2)) (f64.const 0x1p1023)))))
        (return (f64.mul (local.get $y) (local.get $twopk)))))
    (f64.mul (f64.mul (local.get $y) (local.get $twopk)) (f64.const 0x1p-1000)))

  ;; The natural logarithm: log of elementary.ts (fdlibm's __ieee754_log).
  (func $log (param $x f64) (result f64)
    (local $bits i64) (local $hx i32) (local $k i32) (local $i i32) (local $j i32)
    (local $f f64) (local $R f64) (local $s f64) (local $dk f64) (local $z f64) (local $w f64)
    (local $t1 f64) (local $t2 f64) (local $hfsq f64)
    (local.set $bits (i64.reinterpret_f64 (local.get $x)))
    (local.set $hx (i32.wrap_i64 (i64.shr_u (local.get $bits) (i64.const 32))))
    (if (i32.lt_s (local.get $hx) (i32.const 0x00100000))
      (then
        ;; zero, negative or subnormal
        (if (i32.eqz (i32.or (i32.and (local.get $hx) (i32.const 0x7fffffff)) (i32.wrap_i64 (local.get $bits))))
          (then (return (f64.const -inf))))
        (if (i32.lt_s (local.get $hx) (i32.const 0)) (then (return (f64.const nan))))
        (local.set $k (i32.const -54))
        (local.set $x (f64.mul (local.get $x) (f64.const 0x1p54)))
        (local.set $bits (i64.reinterpret_f64 (local.get $x)))
        (local.set $hx (i32.wrap_i64 (i64.shr_u (local.get $bits) (i64.const 32))))))
    (if (i32.ge_s (local.get $hx) (i32.const 0x7ff00000)) (then (return (f64.add (local.get $x) (local.get $x)))))
    (local.set $k (i32.add (local.get $k) (i32.sub (i32.shr_s (local.get $hx) (i32.const 20)) (i32.const 1023))))
    (local.set $hx (i32.and (local.get $hx) (i32.const 0x000fffff)))
    (local.set $i (i32.and (i32.add (local.get $hx) (i32.const 0x95f64)) (i32.const 0x100000)))
    ;; normalize x or x/2
    (local.set $x (f64.reinterpret_i64 (i64.or
      (i64.and (local.get $bits) (i64.const 0xffffffff))
      (i64.shl (i64.extend_i32_u (i32.or (local.get $hx) (i32.xor (local.get $i) (i32.const 0x3ff00000)))) (i64.const 32)))))
    (local.set $k (i32.add (local.get $k) (i32.shr_s (local.get $i) (i32.const 20))))
    (local.set $f (f64.sub (local.get $x) (f64.const 1)))
    (local.set $dk (f64.convert_i32_s (local.get $k)))
    (if (i32.lt_s (i32.and (i32.const 0x000fffff) (i32.add (i32.const 2) (local.get $hx))) (i32.const 3))
      (then
        ;; -2^-20 ≤ f < 2^-20
        (if (f64.eq (local.get $f) (f64.const 0))
          (then
            (if (i32.eqz (local.get $k)) (then (return (f64.const 0))))
            (return (f64.add (f64.mul (local.get $dk) (f64.const 0x1.62e42fee00000p-1)) (f64.mul (local.get $dk) (f64.const 0x1.a39ef35793c76p-33))))))
        (local.set $R (f64.mul (f64.mul (local.get $f) (local.get $f))
          (f64.sub (f64.const 0.5) (f64.mul (f64.const 0x1.5555555555555p-2) (local.get $f)))))
        (if (i32.eqz (local.get $k)) (then (return (f64.sub (local.get $f) (local.get $R)))))
        (return (f64.sub (f64.mul (local.get $dk) (f64.const 0x1.62e42fee00000p-1))
          (f64.sub (f64.sub (local.get $R) (f64.mul (local.get $dk) (f64.const 0x1.a39ef35793c76p-33))) (local.get $f))))))
    (local.set $s (f64.div (local.get $f) (f64.add (f64.const 2) (local.get $f))))
    (local.set $z (f64.mul (local.get $s) (local.get $s)))
    (local.set $i (i32.sub (local.get $hx) (i32.const 0x6147a)))
    (local.set $w (f64.mul (local.get $z) (local.get $z)))
    (local.set $j (i32.sub (i32.const 0x6b851) (local.get $hx)))
    (local.set $t1 (f64.mul (local.get $w)
      (f64.add (f64.const 0x1.999999997fa04p-2) (f64.mul (local.get $w)
        (f64.add (f64.const 0x1.c71c51d8e78afp-3) (f64.mul (local.get $w) (f64.const 0x1.39a09d078c69fp-3)))))))
    (local.set $t2 (f64.mul (local.get $z)
      (f64.add (f64.const 0x1.5555555555593p-1) (f64.mul (local.get $w)
        (f64.add (f64.const 0x1.2492494229359p-2) (f64.mul (local.get $w)
          (f64.add (f64.const 0x1.7466496cb03dep-3) (f64.mul (local.get $w) (f64.const 0x1.2f112df3e5244p-3)))))))))
    (local.set $i (i32.or (local.get $i) (local.get $j)))
    (local.set $R (f64.add (local.get $t2) (local.get $t1)))
    (if (i32.gt_s (local.get $i) (i32.const 0))
      (then
        (local.set $hfsq (f64.mul (f64.mul (f64.const 0.5) (local.get $f)) (local.get $f)))
        (if (i32.eqz (local.get $k))
          (then (return (f64.sub (local.get $f) (f64.sub (local.get $hfsq) (f64.mul (local.get $s) (f64.add (local.get $hfsq) (local.get $R))))))))
        (return (f64.sub (f64.mul (local.get $dk) (f64.const 0x1.62e42fee00000p-1))
          (f64.sub
            (f64.sub (local.get $hfsq) (f64.add (f64.mul (local.get $s) (f64.add (local.get $hfsq) (local.get $R))) (f64.mul (local.get $dk) (f64.const 0x1.a39ef35793c76p-33))))
            (local.get $f))))))
    (if (i32.eqz (local.get $k))
      (then (return (f64.sub (local.get $f) (f64.mul (local.get $s) (f64.sub (local.get $f) (local.get $R)))))))
    (f64.sub (f64.mul (local.get $dk) (f64.const 0x1.62e42fee00000p-1))
      (f64.sub (f64.sub (f64.mul (local.get $s) (f64.sub (local.get $f) (local.get $R))) (f64.mul (local.get $dk) (f64.const 0x1.a39ef35793c76p-33))) (local.get $f))))

  ;; timeShare(r, β) of time-share.ts: r^(1/β), called when the memo does not hold the pair.
  (func $timeShare (param $r f64) (param $b f64) (result f64)
    (if (i32.or (i32.or (f64.eq (local.get $r) (f64.const 0)) (f64.eq (local.get $r) (f64.const 1))) (f64.eq (local.get $b) (f64.const 1)))
      (then (return (local.get $r))))
    (if (f64.eq (local.get $b) (f64.const 0.5)) (then (return (f64.mul (local.get $r) (local.get $r)))))
    (if (f64.eq (local.get $b) (f64.const 2)) (then (return (f64.sqrt (local.get $r)))))
    (call $exp (f64.div (call $log (local.get $r)) (local.get $b))))

  ;; exp and log exported for the test that holds them to elementary.ts.
  (export "exp" (func $exp))
  (export "log" (func $log))

;; Copies d numbers from $from to $to, two at a time.
  (func $copy (param $to i32) (param $from i32) (param $d i32)
    (local $end i32)
    (local.set $end (i32.add (local.get $from) (i32.shl (local.get $d) (i32.const 3))))
    (block $copied
      (loop $pair
        (br_if $copied (i32.gt_u (i32.add (local.get $from) (i32.const 16)) (local.get $end)))
        (v128.store (local.get $to) (v128.load (local.get $from)))
        (local.set $from (i32.add (local.get $from) (i32.const 16)))
        (local.set $to (i32.add (local.get $to) (i32.const 16)))
        (br $pair)))
    (if (i32.lt_u (local.get $from) (local.get $end))
      (then (f64.store (local.get $to) (f64.load (local.get $from))))))

  ;; Phase 4 (with the decision's tally and concession's next positions) for stakeholders 0..n-1.
  ;; Writes stance, distance, aspiration and next, and the eight sums at $sums:
  ;; spread, spread weight, deciding weight, yes weight, heads, heads yes, any objection,
  ;; implementer objects (1 or 0). The memo has 4,096 slots of [r, β, share], NaN when empty.
  (func (export "evaluate")
    (param $n i32) (param $d i32)
    (param $x i32) (param $sal i32) (param $y i32) (param $next i32) (param $p i32)
    (param $present i32) (param $stance i32) (param $distance i32)
    (param $felt i32) (param $horizon i32) (param $beta i32) (param $floor i32) (param $leverage i32)
    (param $openness i32) (param $aspiration i32)
    (param $power i32) (param $weight i32) (param $decides i32) (param $implementer i32)
    (param $goodEnough f64) (param $memo i32) (param $sums i32)
    (local $i i32) (local $k i32) (local $o i32) (local $end i32) (local $i8 i32)
    (local $toIdeal f64) (local $toStated f64) (local $w f64) (local $pk f64) (local $xk f64)
    (local $spread f64) (local $spreadWeight f64) (local $deciding f64) (local $yes f64)
    (local $heads f64) (local $headsYes f64) (local $anyObjection i32) (local $implementerObjects i32)
    (local $r f64) (local $b f64) (local $lastR f64) (local $lastBeta f64) (local $share f64)
    (local $slot i32) (local $bits i64)
    (local $a f64) (local $utility f64) (local $engages i32) (local $st i32) (local $theta f64) (local $counts f64)
    (local $pv v128) (local $wv v128) (local $tv v128)
    (local.set $lastR (f64.const -1))
    (local.set $lastBeta (f64.const -1))
    (block $done
      (loop $each
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $o (i32.shl (i32.mul (local.get $i) (local.get $d)) (i32.const 3)))
        (local.set $end (i32.add (local.get $o) (i32.shl (local.get $d) (i32.const 3))))
        (local.set $i8 (i32.shl (local.get $i) (i32.const 3)))
        (if (i32.eqz (i32.load8_u (i32.add (local.get $present) (local.get $i))))
          (then
            ;; Absent: keeps what it said.
            (i32.store8 (i32.add (local.get $stance) (local.get $i)) (i32.const 0))
            (call $copy (i32.add (local.get $next) (local.get $o)) (i32.add (local.get $y) (local.get $o)) (local.get $d))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $each)))
        ;; Weighted distances from the ideal and from the stated position, in issue order.
        (local.set $toIdeal (f64.const 0))
        (local.set $toStated (f64.const 0))
        (local.set $k (local.get $p))
        ;; Two issues at a time: their terms side by side, then added one after the other; four
        ;; issues a step while four remain.
        (block $quads
          (loop $quad
            (br_if $quads (i32.gt_u (i32.add (local.get $o) (i32.const 32)) (local.get $end)))
            (local.set $pv (v128.load offset=0 (local.get $k)))
            (local.set $wv (v128.load offset=0 (i32.add (local.get $sal) (local.get $o))))
            (local.set $tv (f64x2.mul (local.get $wv) (f64x2.abs (f64x2.sub (v128.load offset=0 (i32.add (local.get $x) (local.get $o))) (local.get $pv)))))
            (local.set $toIdeal (f64.add (f64.add (local.get $toIdeal) (f64x2.extract_lane 0 (local.get $tv))) (f64x2.extract_lane 1 (local.get $tv))))
            (local.set $tv (f64x2.mul (local.get $wv) (f64x2.abs (f64x2.sub (v128.load offset=0 (i32.add (local.get $y) (local.get $o))) (local.get $pv)))))
            (local.set $toStated (f64.add (f64.add (local.get $toStated) (f64x2.extract_lane 0 (local.get $tv))) (f64x2.extract_lane 1 (local.get $tv))))
            (local.set $pv (v128.load offset=16 (local.get $k)))
            (local.set $wv (v128.load offset=16 (i32.add (local.get $sal) (local.get $o))))
            (local.set $tv (f64x2.mul (local.get $wv) (f64x2.abs (f64x2.sub (v128.load offset=16 (i32.add (local.get $x) (local.get $o))) (local.get $pv)))))
            (local.set $toIdeal (f64.add (f64.add (local.get $toIdeal) (f64x2.extract_lane 0 (local.get $tv))) (f64x2.extract_lane 1 (local.get $tv))))
            (local.set $tv (f64x2.mul (local.get $wv) (f64x2.abs (f64x2.sub (v128.load offset=16 (i32.add (local.get $y) (local.get $o))) (local.get $pv)))))
            (local.set $toStated (f64.add (f64.add (local.get $toStated) (f64x2.extract_lane 0 (local.get $tv))) (f64x2.extract_lane 1 (local.get $tv))))
            (local.set $o (i32.add (local.get $o) (i32.const 32)))
            (local.set $k (i32.add (local.get $k) (i32.const 32)))
            (br $quad)))
        (if (i32.le_u (i32.add (local.get $o) (i32.const 16)) (local.get $end))
          (then
            (local.set $pv (v128.load offset=0 (local.get $k)))
            (local.set $wv (v128.load offset=0 (i32.add (local.get $sal) (local.get $o))))
            (local.set $tv (f64x2.mul (local.get $wv) (f64x2.abs (f64x2.sub (v128.load offset=0 (i32.add (local.get $x) (local.get $o))) (local.get $pv)))))
            (local.set $toIdeal (f64.add (f64.add (local.get $toIdeal) (f64x2.extract_lane 0 (local.get $tv))) (f64x2.extract_lane 1 (local.get $tv))))
            (local.set $tv (f64x2.mul (local.get $wv) (f64x2.abs (f64x2.sub (v128.load offset=0 (i32.add (local.get $y) (local.get $o))) (local.get $pv)))))
            (local.set $toStated (f64.add (f64.add (local.get $toStated) (f64x2.extract_lane 0 (local.get $tv))) (f64x2.extract_lane 1 (local.get $tv))))
            (local.set $o (i32.add (local.get $o) (i32.const 16)))
            (local.set $k (i32.add (local.get $k) (i32.const 16)))))
        (if (i32.lt_u (local.get $o) (local.get $end))
          (then
            (local.set $pk (f64.load (local.get $k)))
            (local.set $w (f64.load (i32.add (local.get $sal) (local.get $o))))
            (local.set $toIdeal (f64.add (local.get $toIdeal)
              (f64.mul (local.get $w) (f64.abs (f64.sub (f64.load (i32.add (local.get $x) (local.get $o))) (local.get $pk))))))
            (local.set $toStated (f64.add (local.get $toStated)
              (f64.mul (local.get $w) (f64.abs (f64.sub (f64.load (i32.add (local.get $y) (local.get $o))) (local.get $pk))))))))
        (local.set $w (f64.load (i32.add (local.get $power) (local.get $i8))))
        (local.set $spread (f64.add (local.get $spread) (f64.mul (local.get $w) (local.get $toStated))))
        (local.set $spreadWeight (f64.add (local.get $spreadWeight) (local.get $w)))
        (f64.store (i32.add (local.get $distance) (local.get $i8)) (local.get $toIdeal))
        ;; The time share r^(1/β): as the neighbour's, from the memo, or worked out.
        (local.set $r (f64.min (f64.const 1)
          (f64.div (f64.load (i32.add (local.get $felt) (local.get $i8))) (f64.load (i32.add (local.get $horizon) (local.get $i8))))))
        (local.set $b (f64.load (i32.add (local.get $beta) (local.get $i8))))
        (if (i32.or (f64.ne (local.get $r) (local.get $lastR)) (f64.ne (local.get $b) (local.get $lastBeta)))
          (then
            (local.set $lastR (local.get $r))
            (local.set $lastBeta (local.get $b))
            (local.set $bits (i64.reinterpret_f64 (local.get $r)))
            (local.set $slot (i32.add (local.get $memo) (i32.mul (i32.const 24)
              (i32.shr_u
                (i32.mul
                  (i32.xor (i32.xor (i32.wrap_i64 (local.get $bits)) (i32.wrap_i64 (i64.shr_u (local.get $bits) (i64.const 32))))
                    (i32.trunc_sat_f64_s (f64.mul (local.get $b) (f64.const 1e6))))
                  (i32.const 0x9e3779b1))
                (i32.const 20)))))
            (if (i32.and (f64.eq (f64.load (local.get $slot)) (local.get $r)) (f64.eq (f64.load offset=8 (local.get $slot)) (local.get $b)))
              (then (local.set $share (f64.load offset=16 (local.get $slot))))
              (else
                (local.set $share (call $timeShare (local.get $r) (local.get $b)))
                (f64.store (local.get $slot) (local.get $r))
                (f64.store offset=8 (local.get $slot) (local.get $b))
                (f64.store offset=16 (local.get $slot) (local.get $share))))))
        ;; α = ρ* + (1 − ρ*)·min(1, (1 − share)·leverage)
        (local.set $w (f64.load (i32.add (local.get $floor) (local.get $i8))))
        (local.set $a (f64.add (local.get $w) (f64.mul (f64.sub (f64.const 1) (local.get $w))
          (f64.min (f64.const 1)
            (f64.mul (f64.sub (f64.const 1) (local.get $share)) (f64.load (i32.add (local.get $leverage) (local.get $i8))))))))
        (f64.store (i32.add (local.get $aspiration) (local.get $i8)) (local.get $a))
        (local.set $utility (f64.sub (f64.const 1) (local.get $toIdeal)))
        (local.set $engages (f64.le (local.get $toIdeal) (f64.load (i32.add (local.get $openness) (local.get $i8)))))
        ;; Stance: 1 supports, 2 addressed, 3 objects, 4 disengaged (run-state.ts STANCE), without
        ;; branches: with bargaining power the stances of neighbours no longer go together, and the
        ;; branches were mispredicted (BENCHMARKS.md). Accepted within FLOOR_TOLERANCE
        ;; (conditions.ts, 1e-9) of the aspiration.
        (local.set $st
          (select
            (select (i32.const 1)
              (select (i32.const 2) (i32.const 3) (f64.le (f64.sub (local.get $a) (local.get $utility)) (local.get $goodEnough)))
              (f64.ge (local.get $utility) (f64.sub (local.get $a) (f64.const 1e-9))))
            (i32.const 4)
            (local.get $engages)))
        (i32.store8 (i32.add (local.get $stance) (local.get $i)) (local.get $st))
        ;; The tally, by arithmetic (w·1 or w·0): adding 0 leaves a sum exactly as it was, so this gives
        ;; the TypeScript's bits.
        (if (i32.load8_u (i32.add (local.get $decides) (local.get $i)))
          (then
            (local.set $w (f64.load (i32.add (local.get $weight) (local.get $i8))))
            (local.set $deciding (f64.add (local.get $deciding) (local.get $w)))
            (local.set $heads (f64.add (local.get $heads) (f64.const 1)))
            (local.set $counts (f64.convert_i32_u (i32.le_u (local.get $st) (i32.const 2))))
            (local.set $yes (f64.add (local.get $yes) (f64.mul (local.get $w) (local.get $counts))))
            (local.set $headsYes (f64.add (local.get $headsYes) (local.get $counts)))
            (local.set $anyObjection (i32.or (local.get $anyObjection) (i32.ne (local.get $st) (i32.const 1))))))
        (local.set $implementerObjects (i32.or (local.get $implementerObjects)
          (i32.and (i32.ne (i32.load8_u (i32.add (local.get $implementer) (local.get $i))) (i32.const 0))
                   (i32.ge_u (local.get $st) (i32.const 3)))))
        ;; Concession: the ideal when it does not engage, else x + θ·(p − x), θ = (1 − ρ*)·min(1, τ/T)^(1/β).
        (local.set $o (i32.sub (local.get $end) (i32.shl (local.get $d) (i32.const 3))))
        (local.set $k (local.get $p))
        ;; Model 2: θ = (1 − ρ*)·share, the utility it has given up as a share of the distance
        ;; (Friedkin–Johnsen), so each keeps an anchor at its ideal; θ = 0 for one that does not
        ;; engage, which states x + 0·(p − x), its ideal, without a branch.
        (local.set $theta (select
          (f64.mul (f64.sub (f64.const 1) (f64.load (i32.add (local.get $floor) (local.get $i8)))) (local.get $share))
          (f64.const 0)
          (i32.ne (local.get $st) (i32.const 4))))
        (block
          (block
            (local.set $tv (f64x2.splat (local.get $theta)))
            (block $conceded
              (loop $toward
                (br_if $conceded (i32.gt_u (i32.add (local.get $o) (i32.const 32)) (local.get $end)))
                (local.set $pv (v128.load offset=0 (i32.add (local.get $x) (local.get $o))))
                (v128.store offset=0 (i32.add (local.get $next) (local.get $o))
                  (f64x2.add (local.get $pv) (f64x2.mul (local.get $tv) (f64x2.sub (v128.load offset=0 (local.get $k)) (local.get $pv)))))
                (local.set $pv (v128.load offset=16 (i32.add (local.get $x) (local.get $o))))
                (v128.store offset=16 (i32.add (local.get $next) (local.get $o))
                  (f64x2.add (local.get $pv) (f64x2.mul (local.get $tv) (f64x2.sub (v128.load offset=16 (local.get $k)) (local.get $pv)))))
                (local.set $o (i32.add (local.get $o) (i32.const 32)))
                (local.set $k (i32.add (local.get $k) (i32.const 32)))
                (br $toward)))
            (if (i32.le_u (i32.add (local.get $o) (i32.const 16)) (local.get $end))
              (then
                (local.set $pv (v128.load offset=0 (i32.add (local.get $x) (local.get $o))))
                (v128.store offset=0 (i32.add (local.get $next) (local.get $o))
                  (f64x2.add (local.get $pv) (f64x2.mul (local.get $tv) (f64x2.sub (v128.load offset=0 (local.get $k)) (local.get $pv)))))
                (local.set $o (i32.add (local.get $o) (i32.const 16)))
                (local.set $k (i32.add (local.get $k) (i32.const 16)))))
            (if (i32.lt_u (local.get $o) (local.get $end))
              (then
                (local.set $xk (f64.load (i32.add (local.get $x) (local.get $o))))
                (f64.store (i32.add (local.get $next) (local.get $o))
                  (f64.add (local.get $xk) (f64.mul (local.get $theta) (f64.sub (f64.load (local.get $k)) (local.get $xk)))))))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $each)))
    (f64.store (local.get $sums) (local.get $spread))
    (f64.store offset=8 (local.get $sums) (local.get $spreadWeight))
    (f64.store offset=16 (local.get $sums) (local.get $deciding))
    (f64.store offset=24 (local.get $sums) (local.get $yes))
    (f64.store offset=32 (local.get $sums) (local.get $heads))
    (f64.store offset=40 (local.get $sums) (local.get $headsYes))
    (f64.store offset=48 (local.get $sums) (f64.convert_i32_u (local.get $anyObjection)))
    (f64.store offset=56 (local.get $sums) (f64.convert_i32_u (local.get $implementerObjects))))

  ;; Phase 1, attendance, for stakeholders 0..n-1, as attendance-pass.ts: subsidy, cost, absence by
  ;; chance (drawing from the run's stream, whose state is at $rng), presence, caucus chairs (the present
  ;; member of highest power, lowest index on ties) and, when $summing, drafting's sums and totals as
  ;; test/sim/reference.ts's sumVoices makes them. What the minutes need is left in $note: 1 joined, 2 could not pay,
  ;; 3 could not pay and dropped out, 0 nothing. Present weight, present affected and voices go to
  ;; $totals.
  (func (export "attend")
    (param $n i32) (param $d i32)
    (param $involved i32) (param $dropped i32) (param $constituency i32) (param $resources i32)
    (param $subsidy i32) (param $cost i32) (param $absence i32) (param $rng i32)
    (param $broke i32) (param $present i32) (param $joined i32) (param $presentCount i32)
    (param $weight i32) (param $affected i32) (param $organized i32) (param $chair i32) (param $power i32)
    (param $summing i32) (param $y i32) (param $sum i32) (param $sal i32) (param $stance i32) (param $total i32) (param $fragmented f64)
    (param $roundsInARow i32) (param $note i32) (param $totals i32)
    (local $weyl i32) (local $at i32) (local $xv i32) (local $xt i32)
    (local $i i32) (local $i8 i32) (local $c i32) (local $c4 i32) (local $r f64) (local $price f64) (local $chance f64)
    (local $presentWeight f64) (local $presentAffected f64) (local $voices f64) (local $voice f64)
    (local $o i32) (local $k i32) (local $sumEnd i32) (local $times i32)
    (local $last f64) (local $lastTotal f64)
    (local $v v128) (local $ws v128) (local $s0 v128) (local $s1 v128) (local $s2 v128) (local $s3 v128)
    (local $t0 v128) (local $t1 v128) (local $t2 v128) (local $t3 v128)
    (local.set $sumEnd (i32.add (local.get $sum) (i32.shl (local.get $d) (i32.const 3))))
    (local.set $k (local.get $sum))
    (block $zeroed
      (loop $zero
        (br_if $zeroed (i32.ge_u (local.get $k) (local.get $sumEnd)))
        (f64.store (local.get $k) (f64.const 0))
        (f64.store (i32.add (local.get $total) (i32.sub (local.get $k) (local.get $sum))) (f64.const 0))
        (local.set $k (i32.add (local.get $k) (i32.const 8)))
        (br $zero)))
    (block $done
      (loop $each
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $i8 (i32.shl (local.get $i) (i32.const 3)))
        (i32.store8 (i32.add (local.get $present) (local.get $i)) (i32.const 0))
        (i32.store8 (i32.add (local.get $note) (local.get $i)) (i32.const 0))
        (block $next
          (br_if $next (i32.eqz (i32.load8_u (i32.add (local.get $involved) (local.get $i)))))
          (br_if $next (i32.load8_u (i32.add (local.get $dropped) (local.get $i))))
          (local.set $c (i32.load (i32.add (local.get $constituency) (i32.shl (local.get $i) (i32.const 2)))))
          (local.set $c4 (i32.shl (local.get $c) (i32.const 2)))
          (local.set $r (f64.add (f64.load (i32.add (local.get $resources) (local.get $i8)))
            (f64.load (i32.add (local.get $subsidy) (i32.shl (local.get $c) (i32.const 3))))))
          (local.set $price (f64.load (i32.add (local.get $cost) (local.get $i8))))
          (if (f64.ge (local.get $r) (local.get $price))
            (then
              (i32.store (i32.add (local.get $broke) (i32.shl (local.get $i) (i32.const 2))) (i32.const 0))
              (local.set $chance (f64.load (i32.add (local.get $absence) (local.get $i8))))
              (if (f64.gt (local.get $chance) (f64.const 0))
                (then
                  ;; A uniform draw in [0, 1) from the run's stream: xor4096's step on the state
                  ;; at $rng (X[0..127], then i, then w), exactly as rng.ts takes it.
                  (local.set $weyl (i32.add (i32.load offset=516 (local.get $rng)) (i32.const 0x61c88647)))
                  (i32.store offset=516 (local.get $rng) (local.get $weyl))
                  (local.set $at (i32.load offset=512 (local.get $rng)))
                  (local.set $xv (i32.load (i32.add (local.get $rng) (i32.shl (i32.and (i32.add (local.get $at) (i32.const 34)) (i32.const 127)) (i32.const 2)))))
                  (local.set $at (i32.and (i32.add (local.get $at) (i32.const 1)) (i32.const 127)))
                  (local.set $xt (i32.load (i32.add (local.get $rng) (i32.shl (local.get $at) (i32.const 2)))))
                  (local.set $xv (i32.xor (local.get $xv) (i32.shl (local.get $xv) (i32.const 13))))
                  (local.set $xt (i32.xor (local.get $xt) (i32.shl (local.get $xt) (i32.const 17))))
                  (local.set $xv (i32.xor (local.get $xv) (i32.shr_u (local.get $xv) (i32.const 15))))
                  (local.set $xt (i32.xor (local.get $xt) (i32.shr_u (local.get $xt) (i32.const 12))))
                  (local.set $xv (i32.xor (local.get $xv) (local.get $xt)))
                  (i32.store (i32.add (local.get $rng) (i32.shl (local.get $at) (i32.const 2))) (local.get $xv))
                  (i32.store offset=512 (local.get $rng) (local.get $at))
                  (if (f64.lt
                        (f64.div
                          (f64.convert_i32_u (i32.add (local.get $xv) (i32.xor (local.get $weyl) (i32.shr_u (local.get $weyl) (i32.const 16)))))
                          (f64.const 4294967296))
                        (local.get $chance))
                    (then
                      (f64.store (i32.add (local.get $resources) (local.get $i8)) (local.get $r))
                      (br $next)))))
              (f64.store (i32.add (local.get $resources) (local.get $i8)) (f64.sub (local.get $r) (local.get $price)))
              (i32.store8 (i32.add (local.get $present) (local.get $i)) (i32.const 1))
              (i32.store (i32.add (local.get $presentCount) (local.get $c4))
                (i32.add (i32.load (i32.add (local.get $presentCount) (local.get $c4))) (i32.const 1)))
              (local.set $presentWeight (f64.add (local.get $presentWeight) (f64.load (i32.add (local.get $weight) (local.get $i8)))))
              (local.set $presentAffected (f64.add (local.get $presentAffected)
                (f64.convert_i32_u (i32.load8_u (i32.add (local.get $affected) (local.get $i))))))
              (local.set $o (i32.load8_u (i32.add (local.get $organized) (local.get $c))))
              (if (local.get $o)
                (then
                  (local.set $k (i32.load (i32.add (local.get $chair) (local.get $c4))))
                  (if (i32.or (i32.lt_s (local.get $k) (i32.const 0))
                        (f64.gt (f64.load (i32.add (local.get $power) (local.get $i8)))
                          (f64.load (i32.add (local.get $power) (i32.shl (local.get $k) (i32.const 3))))))
                    (then (i32.store (i32.add (local.get $chair) (local.get $c4)) (local.get $i))))))
              ;; Model 2: on each issue the weight voice × salience, over those who engaged with the
              ;; last proposal (stance 4, disengaged, has no voice), in stakeholder order.
              (if (i32.and (local.get $summing)
                    (i32.ne (i32.load8_u (i32.add (local.get $stance) (local.get $i))) (i32.const 4)))
                (then
                  (local.set $voice (f64.load (i32.add (local.get $power) (local.get $i8))))
                  (if (i32.eqz (local.get $o))
                    (then (local.set $voice (f64.mul (local.get $voice) (local.get $fragmented)))))
                  (local.set $voices (f64.add (local.get $voices) (local.get $voice)))
                  (local.set $o (i32.shl (i32.mul (local.get $i) (local.get $d)) (i32.const 3)))
                  (if (i32.le_u (local.get $d) (i32.const 8))
                    (then
                      ;; Up to eight issues the sums and totals stay in registers, two issues to a
                      ;; register; each lane does the scalar loop's operations in its order.
                      (local.set $v (f64x2.splat (local.get $voice)))
                      (if (i32.ge_u (local.get $d) (i32.const 2))
                        (then
                          (local.set $ws (f64x2.mul (local.get $v) (v128.load (i32.add (local.get $sal) (local.get $o)))))
                          (local.set $s0 (f64x2.add (local.get $s0) (f64x2.mul (local.get $ws) (v128.load (i32.add (local.get $y) (local.get $o))))))
                          (local.set $t0 (f64x2.add (local.get $t0) (local.get $ws)))))
                      (if (i32.ge_u (local.get $d) (i32.const 4))
                        (then
                          (local.set $ws (f64x2.mul (local.get $v) (v128.load offset=16 (i32.add (local.get $sal) (local.get $o)))))
                          (local.set $s1 (f64x2.add (local.get $s1) (f64x2.mul (local.get $ws) (v128.load offset=16 (i32.add (local.get $y) (local.get $o))))))
                          (local.set $t1 (f64x2.add (local.get $t1) (local.get $ws)))))
                      (if (i32.ge_u (local.get $d) (i32.const 6))
                        (then
                          (local.set $ws (f64x2.mul (local.get $v) (v128.load offset=32 (i32.add (local.get $sal) (local.get $o)))))
                          (local.set $s2 (f64x2.add (local.get $s2) (f64x2.mul (local.get $ws) (v128.load offset=32 (i32.add (local.get $y) (local.get $o))))))
                          (local.set $t2 (f64x2.add (local.get $t2) (local.get $ws)))))
                      (if (i32.eq (local.get $d) (i32.const 8))
                        (then
                          (local.set $ws (f64x2.mul (local.get $v) (v128.load offset=48 (i32.add (local.get $sal) (local.get $o)))))
                          (local.set $s3 (f64x2.add (local.get $s3) (f64x2.mul (local.get $ws) (v128.load offset=48 (i32.add (local.get $y) (local.get $o))))))
                          (local.set $t3 (f64x2.add (local.get $t3) (local.get $ws)))))
                      (if (i32.and (local.get $d) (i32.const 1))
                        (then
                          (local.set $k (i32.shl (i32.sub (local.get $d) (i32.const 1)) (i32.const 3)))
                          (local.set $voice (f64.mul (local.get $voice) (f64.load (i32.add (local.get $sal) (i32.add (local.get $o) (local.get $k))))))
                          (local.set $last (f64.add (local.get $last) (f64.mul (local.get $voice) (f64.load (i32.add (local.get $y) (i32.add (local.get $o) (local.get $k)))))))
                          (local.set $lastTotal (f64.add (local.get $lastTotal) (local.get $voice))))))
                    (else
                      (local.set $k (i32.const 0))
                      (block $summed
                        (loop $issue
                          (br_if $summed (i32.ge_u (local.get $k) (i32.shl (local.get $d) (i32.const 3))))
                          (local.set $last (f64.mul (local.get $voice) (f64.load (i32.add (local.get $sal) (local.get $o)))))
                          (f64.store (i32.add (local.get $sum) (local.get $k))
                            (f64.add (f64.load (i32.add (local.get $sum) (local.get $k)))
                              (f64.mul (local.get $last) (f64.load (i32.add (local.get $y) (local.get $o))))))
                          (f64.store (i32.add (local.get $total) (local.get $k))
                            (f64.add (f64.load (i32.add (local.get $total) (local.get $k))) (local.get $last)))
                          (local.set $o (i32.add (local.get $o) (i32.const 8)))
                          (local.set $k (i32.add (local.get $k) (i32.const 8)))
                          (br $issue)))))))
              (if (i32.eqz (i32.load8_u (i32.add (local.get $joined) (local.get $i))))
                (then
                  (i32.store8 (i32.add (local.get $joined) (local.get $i)) (i32.const 1))
                  (i32.store8 (i32.add (local.get $note) (local.get $i)) (i32.const 1)))))
            (else
              (f64.store (i32.add (local.get $resources) (local.get $i8)) (local.get $r))
              (local.set $times (i32.add (i32.load (i32.add (local.get $broke) (i32.shl (local.get $i) (i32.const 2)))) (i32.const 1)))
              (i32.store (i32.add (local.get $broke) (i32.shl (local.get $i) (i32.const 2))) (local.get $times))
              (i32.store8 (i32.add (local.get $note) (local.get $i)) (i32.const 2))
              (if (i32.ge_s (local.get $times) (local.get $roundsInARow))
                (then
                  (i32.store8 (i32.add (local.get $dropped) (local.get $i)) (i32.const 1))
                  (i32.store8 (i32.add (local.get $note) (local.get $i)) (i32.const 3)))))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $each)))
    (if (i32.le_u (local.get $d) (i32.const 8))
      (then
        (if (i32.ge_u (local.get $d) (i32.const 2)) (then (v128.store (local.get $sum) (local.get $s0)) (v128.store (local.get $total) (local.get $t0))))
        (if (i32.ge_u (local.get $d) (i32.const 4)) (then (v128.store offset=16 (local.get $sum) (local.get $s1)) (v128.store offset=16 (local.get $total) (local.get $t1))))
        (if (i32.ge_u (local.get $d) (i32.const 6)) (then (v128.store offset=32 (local.get $sum) (local.get $s2)) (v128.store offset=32 (local.get $total) (local.get $t2))))
        (if (i32.eq (local.get $d) (i32.const 8)) (then (v128.store offset=48 (local.get $sum) (local.get $s3)) (v128.store offset=48 (local.get $total) (local.get $t3))))
        (if (i32.and (local.get $d) (i32.const 1))
          (then
            (local.set $k (i32.shl (i32.sub (local.get $d) (i32.const 1)) (i32.const 3)))
            (f64.store (i32.add (local.get $sum) (local.get $k)) (local.get $last))
            (f64.store (i32.add (local.get $total) (local.get $k)) (local.get $lastTotal))))))
    (f64.store (local.get $totals) (local.get $presentWeight))
    (f64.store offset=8 (local.get $totals) (local.get $presentAffected))
    (f64.store offset=16 (local.get $totals) (local.get $voices)))
)
