// Why: the manager parses the signed date leniently (dateutil) and keys the signature on the
// calendar date in the offset written in the header (spec §2.5–2.6); Date.parse alone loses that.
const ISO =
  /^(\d{4})-?(\d{2})-?(\d{2})[T ](\d{2}):?(\d{2})(?::?(\d{2})(?:[.,](\d+))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

export type ParsedDate = { epochMs: number; keyDate: string };

function offsetMinutes(tz: string | undefined): number {
  if (!tz || tz.toUpperCase() === "Z") return 0;
  const sign = tz.startsWith("-") ? -1 : 1;
  const digits = tz.slice(1).replace(":", "");
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || "0"));
}

function parseIso(raw: string): ParsedDate | null {
  const m = ISO.exec(raw.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s, frac, tz] = m;
  const ms = frac ? Math.round(Number(`0.${frac}`) * 1000) : 0;
  const local = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0), ms);
  if (Number.isNaN(local)) return null;
  return { epochMs: local - offsetMinutes(tz) * 60_000, keyDate: `${y}${mo}${d}` };
}

// RFC 1123 / 822 ("Mon, 21 Oct 2024 05:00:00 GMT" or "+0900"): key date in the written offset.
function parseRfc(raw: string): ParsedDate | null {
  const epochMs = Date.parse(raw);
  if (Number.isNaN(epochMs)) return null;
  const tz = /([+-]\d{4})\s*$/.exec(raw.trim());
  const shifted = new Date(epochMs + (tz ? offsetMinutes(tz[1]) : 0) * 60_000);
  const keyDate = shifted.toISOString().slice(0, 10).replaceAll("-", "");
  return { epochMs, keyDate };
}

export function parseSignedDate(raw: string): ParsedDate | null {
  return parseIso(raw) ?? parseRfc(raw);
}
