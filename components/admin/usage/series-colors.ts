// Colours and labels for the usage charts' series: one per provider and per outcome, mid-tone so
// they read on both the light and the dark theme (SVG fills cannot use the theme's CSS variables).
const KNOWN: Record<string, { color: string; label: string }> = {
  webr: { color: "#4e79a7", label: "webR" },
  jupyter: { color: "#f28e2b", label: "Jupyter" },
  backendai: { color: "#59a14f", label: "Backend.AI" },
  mlserver: { color: "#b07aa1", label: "ML Server" },
  ok: { color: "#3aa35f", label: "ok" },
  error: { color: "#d9534f", label: "error" },
  interrupted: { color: "#e6a23c", label: "interrupted" },
  aborted: { color: "#8c96a3", label: "aborted" },
  lost: { color: "#8e63c9", label: "lost" },
};
const SPARE = ["#76b7b2", "#edc948", "#ff9da7", "#9c755f", "#bab0ac"];

export function seriesColor(key: string, index: number): string {
  return KNOWN[key]?.color ?? SPARE[index % SPARE.length]!;
}

export function seriesLabel(key: string): string {
  return KNOWN[key]?.label ?? key;
}
