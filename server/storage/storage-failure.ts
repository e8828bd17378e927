// Turns what the Blob service or the network threw into a DatasetError the user can act on, keeping
// the original as the cause for the log.
import { DatasetError } from "@/server/errors";

/** HTTP status of a failed storage request (RestError.statusCode), if it got that far. */
export function storageStatus(e: unknown): number | undefined {
  const status = (e as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === "number" ? status : undefined;
}

export function isBlobNotFound(e: unknown): boolean {
  return storageStatus(e) === 404;
}

/** `what` completes "Could not … in storage", e.g. "delete the dataset's file". */
export function storageFailure(what: string, cause: unknown): DatasetError {
  if (cause instanceof DatasetError) return cause;
  const aborted = (cause as { name?: string } | null)?.name === "AbortError";
  const why = aborted ? "it did not answer in time" : "it reported an error";
  return new DatasetError("STORAGE_FAILED", `Could not ${what} in storage (${why}). Try again in a minute.`, { cause });
}
