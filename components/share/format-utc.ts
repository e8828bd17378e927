// Dates on shared pages and in the links list, written the same on the server and in any browser
// (no locale or time zone), so server-rendered text hydrates unchanged: "2026-11-21 14:03 UTC".
export function formatUtc(at: Date | string): string {
  const iso = (typeof at === "string" ? new Date(at) : at).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}
