// Names and dates of ML Server objects as the menu and panels show them.

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/** "Sales model 2024-05-02 14:07": the notebook's title and the local date and time. */
export function defaultSnapshotName(title: string, at: Date): string {
  const date = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())} ${pad(at.getHours())}:${pad(at.getMinutes())}`;
  return `${title.trim() || "Notebook"} ${date}`;
}

/** A creation time as the browser's locale writes it; text the server sent that is no date, as is. */
export function formatCreatedAt(createdAt: string | null): string {
  if (!createdAt) return "—";
  const ms = Date.parse(createdAt);
  return Number.isNaN(ms) ? createdAt : new Date(ms).toLocaleString();
}

/** "x numeric, wt numeric", or "none". */
export function describeParameters(parameters: Record<string, string>): string {
  const entries = Object.entries(parameters);
  return entries.length === 0 ? "none" : entries.map(([name, type]) => (type ? `${name} ${type}` : name)).join(", ");
}
