// Tells a database that could not be reached (worth retrying: a restart, a failover, a full pool)
// from a statement the database refused (retrying would fail the same way).
const TRANSIENT_PG_CODES = new Set([
  "57P01", // admin_shutdown: the server is restarting
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now: the server is starting up
  "53300", // too_many_connections
  "40001", // serialization_failure
  "40P01", // deadlock_detected
]);

export function isTransientStorageError(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === "object" && depth < 6; depth++) {
    const { code, kind, message, cause, meta } = e as { code?: unknown; kind?: unknown; message?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown } };
    if (typeof code === "string" && (TRANSIENT_PG_CODES.has(code) || code.startsWith("08"))) return true;
    if (kind === "DatabaseNotReachable" || kind === "ConnectionClosed" || kind === "SocketTimeout") return true;
    if (typeof code === "string" && ["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT"].includes(code)) return true;
    if (typeof message === "string" && /Connection terminated|connection .*(closed|ended)|ECONNREFUSED|ECONNRESET|not queryable|timeout exceeded when trying to connect/i.test(message)) return true;
    e = meta?.driverAdapterError ?? cause;
  }
  return false;
}
