// The one error type of a browser → Blob upload: a closed code for the page to act on (a cancel is
// not shown as a failure) and a sentence fit to show.
export type UploadErrorCode =
  /** The user cancelled, or the page's AbortSignal fired. */
  | "CANCELLED"
  /** No answer from storage, even after the retries. */
  | "NETWORK"
  /** Storage still answered 403 after the upload link was renewed. */
  | "ACCESS_DENIED"
  /** Storage answered with an error that retrying does not help (bad checksum, bad request, …). */
  | "REFUSED"
  /** The browser could not read the file (moved, deleted or changed on disk). */
  | "UNREADABLE";

export class UploadError extends Error {
  override readonly name = "UploadError";
  constructor(readonly code: UploadErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

export function isCancelled(e: unknown): boolean {
  return e instanceof UploadError && e.code === "CANCELLED";
}

export function cancelledError(cause?: unknown): UploadError {
  return new UploadError("CANCELLED", "The upload was cancelled.", { cause });
}

/** Throws the cancellation if `signal` has fired. */
export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw cancelledError(signal.reason);
}
