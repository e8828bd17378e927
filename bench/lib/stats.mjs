// Percentiles and formatting of latency samples (milliseconds).
export function percentile(samples, p) {
  const sorted = [...samples].sort((a, b) => a - b);
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

export function summary(samples) {
  return { n: samples.length, median: percentile(samples, 50), p95: percentile(samples, 95), min: Math.min(...samples), max: Math.max(...samples) };
}

export const ms = (v) => `${v.toFixed(2)} ms`;
