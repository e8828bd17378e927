// Why: server-wide faults a test can switch on (spec §12 plus the IDE's error paths).
export type Faults = {
  /** Delay every authenticated response by this many milliseconds. */
  delayMs: number;
  /** quota-exceeded: 412 on create; concurrency-limit: the session stays PENDING (24.09 behaviour). */
  refuseCreation: "quota-exceeded" | "concurrency-limit" | null;
};

export const noFaults = (): Faults => ({ delayMs: 0, refuseCreation: null });
