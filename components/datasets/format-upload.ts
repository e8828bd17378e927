// How an upload's figures read on the page: "43%", "12.5 MB/s", "2 min 5 s left".
import { formatBytes } from "@/components/variables/format-bytes";

/** Whole percent done, rounded down so 100% means really done. */
export function percentDone(loaded: number, total: number): number {
  if (!(total > 0)) return 0;
  return Math.min(100, Math.max(0, Math.floor((loaded / total) * 100)));
}

export function formatSpeed(bytesPerSecond: number | null): string {
  return bytesPerSecond === null ? "— MB/s" : `${formatBytes(bytesPerSecond)}/s`;
}

export function formatTimeLeft(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return "estimating time left…";
  const s = Math.ceil(seconds);
  if (s < 60) return `${s} s left`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s left`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min left`;
}

/** The type the browser gives the file; the server works one out from the name when it gives none. */
export function contentTypeOf(file: { type: string }): string {
  return file.type || "application/octet-stream";
}
