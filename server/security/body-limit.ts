// Caps a request body: a declared Content-Length over the limit is refused before any byte is read,
// and a streamed (chunked) body errors as soon as it passes the limit, so no handler ever holds
// more than the limit in memory. The handler still reads lazily, after its own checks (sign-in).

export class BodyTooLargeError extends Error {
  override readonly name = "BodyTooLargeError";
  constructor(readonly limit: number) {
    super(`The request is larger than ${formatLimit(limit)}, the limit for this address.`);
  }
}

export function formatLimit(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.round(bytes / 1024)} KB`;
}

/** True when the request declares a body larger than `limit` (Content-Length). */
export function declaresTooMuch(req: Request, limit: number): boolean {
  const declared = req.headers.get("content-length");
  return declared !== null && Number(declared) > limit;
}

/** The body, passing at most `limit` bytes; `exceeded()` tells whether a read went past it. */
export function limitBody(body: ReadableStream<Uint8Array>, limit: number): { body: ReadableStream<Uint8Array>; exceeded: () => boolean } {
  let total = 0;
  let over = false;
  const limited = body.pipeThrough(new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      total += chunk.byteLength;
      if (total > limit) {
        over = true;
        // Erroring the transform cancels the source: nothing more is read from the client.
        controller.error(new BodyTooLargeError(limit));
        return;
      }
      controller.enqueue(chunk);
    },
  }));
  return { body: limited, exceeded: () => over };
}
