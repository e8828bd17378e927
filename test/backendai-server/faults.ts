// Why: server-wide behaviours and faults a test can switch at run time (spec §12 plus the IDE's
// error paths): slow answers, refused creation, start phases, exec timeouts, agent generations.

/** Agent generations whose upload rules differ (spec §7.1): 24.09 wants /home/work/... names. */
export const AGENT_VERSIONS = ["23.09", "24.09", "25.8"] as const;
export type AgentVersion = (typeof AGENT_VERSIONS)[number];

/** The statuses a new session passes through before RUNNING (spec §4.1 SessionStatus names). */
export const START_PHASES = ["PENDING", "SCHEDULED", "PULLING", "PREPARING"] as const;
export type StartPhaseStatus = (typeof START_PHASES)[number];

export type Faults = {
  /** Delay every authenticated response by this many milliseconds. */
  delayMs: number;
  /** quota-exceeded: 412 on create; concurrency-limit: the session stays PENDING (24.09 behaviour). */
  refuseCreation: "quota-exceeded" | "concurrency-limit" | null;
  /** Completion never answers: 500 kernel-execution-failed with an agent-timeout (spec §5.5). */
  completeTimeout: boolean;
  /** How long new sessions stay in each start phase (the kernel's own start time comes on top). */
  phaseMs: Partial<Record<StartPhaseStatus, number>>;
  /** The agent's execution timeout per run (0: none); past it → exec-timeout and termination (§5.2). */
  execTimeoutMs: number;
  /** The agent generation behind the manager (file-name rules of §7.1). */
  agentVersion: AgentVersion;
};

export const noFaults = (): Faults => ({
  delayMs: 0, refuseCreation: null, completeTimeout: false, phaseMs: {}, execTimeoutMs: 0, agentVersion: "24.09",
});
