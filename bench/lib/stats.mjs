// Small numeric helpers.
export const median = (xs) => quantile(xs, 0.5);
/** Nearest-rank quantile (p95 of 50 samples is the 48th smallest). */
export function quantile(xs, q) {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
}
export const round = (x, d = 1) => (x == null ? null : Math.round(x * 10 ** d) / 10 ** d);
