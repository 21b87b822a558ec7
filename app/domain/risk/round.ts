// Rounding of every number the risk model stores. Halves round up, and a value within 1e-9 (in
// units of the last kept decimal) below a half counts as the half: binary floating-point dust, so
// 0.45/0.8·40 + 0.35/0.8·90 = 61.874999… rounds like the 61.875 a person computes. Both steps are
// deterministic and monotone: a larger input never rounds to a smaller output, so the model's
// monotonicity properties survive rounding. -0 becomes 0 so JSON never shows "-0".
// Pure module: no node, kysely, remix or react imports.

const DUST = 1e-9;

function roundTo(x: number, scale: number): number {
  if (!Number.isFinite(x)) return x;
  const v = x * scale;
  const whole = Math.floor(v);
  return (v - whole >= 0.5 - DUST ? whole + 1 : whole) / scale + 0;
}

/** At most 2 decimals: every stored part, weight and intermediate value. */
export function round2(x: number): number {
  return roundTo(x, 100);
}

/** At most 1 decimal: the effective score. */
export function round1(x: number): number {
  return roundTo(x, 10);
}

export function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}
