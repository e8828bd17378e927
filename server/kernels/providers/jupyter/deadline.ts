// Waiting on the kernel with limits: a promise raced against a timeout, the caller's AbortSignal
// and the kernel failing underneath (death, lost connection), whichever comes first.
import { KernelError } from "@/server/errors";

export type FailureListeners = Set<(error: KernelError) => void>;

export type DeadlineOptions = {
  timeoutMs: number;
  /** Ends the sentence "The kernel did not … within N s." */
  what: string;
  signal?: AbortSignal;
  /** Listeners the kernel calls when it fails; the wait then rejects with that error. */
  failures?: FailureListeners;
  /** Runs when the wait gives up (timeout, abort or failure), e.g. to drop a pending request. */
  onGiveUp?: () => void;
};

export function withDeadline<T>(promise: Promise<T>, options: DeadlineOptions): Promise<T> {
  const { timeoutMs, what, signal, failures, onGiveUp } = options;
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const finish = (settle: () => void, gaveUp: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      failures?.delete(onFailure);
      if (gaveUp) onGiveUp?.();
      settle();
    };
    const seconds = Math.round(timeoutMs / 100) / 10;
    const timer = setTimeout(
      () => finish(() => reject(new KernelError("TIMEOUT", `The kernel did not ${what} within ${seconds} s.`)), true),
      timeoutMs,
    );
    const onAbort = () => finish(() => reject(signal?.reason), true);
    const onFailure = (error: KernelError) => finish(() => reject(error), true);
    if (signal?.aborted) return onAbort();
    signal?.addEventListener("abort", onAbort, { once: true });
    failures?.add(onFailure);
    promise.then(
      (value) => finish(() => resolve(value), false),
      (error: unknown) => finish(() => reject(error), false),
    );
  });
}
