// For racing a call that may not honour its AbortSignal: a promise that rejects with `message`
// once the signal aborts; and a failure as one sentence.
export function rejectOnAbort(signal: AbortSignal, message: string): Promise<never> {
  return new Promise<never>((_, reject) => {
    const fail = () => reject(new Error(message));
    if (signal.aborted) fail();
    else signal.addEventListener("abort", fail, { once: true });
  });
}

export function describeFailure(e: unknown): string {
  return e instanceof Error && e.message ? e.message : "It could not be reached.";
}
