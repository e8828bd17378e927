// Why: the manager's problem+json errors (spec §8), thrown by handlers and written by the server.
export type ProblemSlug =
  | "invalid-auth-params"
  | "auth-failed"
  | "invalid-api-params"
  | "generic-bad-request"
  | "generic-forbidden"
  | "object-not-found"
  | "url-not-found"
  | "method-not-allowed"
  | "session-already-exists"
  | "quota-exceeded"
  | "too-many-sessions-matched"
  | "kernel-execution-failed"
  | "deprecated"
  | "graphql-error"
  | "internal-server-error";

const TABLE = {
  "invalid-auth-params": [400, "Missing or invalid authorization parameters."],
  "auth-failed": [401, "Credential/signature mismatch."],
  "invalid-api-params": [400, "Missing or invalid API parameters."],
  "generic-bad-request": [400, "Bad request."],
  "generic-forbidden": [403, "Forbidden operation."],
  "object-not-found": [404, "No such object."],
  "url-not-found": [404, "Unknown URL path."],
  "method-not-allowed": [405, "Method not allowed."],
  "session-already-exists": [400, "The session already exists but you requested to create a new one."],
  "quota-exceeded": [412, "You have reached your resource limit."],
  "too-many-sessions-matched": [404, "Too many sessions matched."],
  "kernel-execution-failed": [500, "Executing user code in the kernel has failed."],
  deprecated: [400, "This API is deprecated."],
  "graphql-error": [400, "GraphQL-generated error."],
  "internal-server-error": [500, "Something has gone wrong."],
} as const satisfies Record<ProblemSlug, readonly [number, string]>;

/** The agent-side part of a BackendAgentError (spec §8): `type`, `title`, and the exception's repr. */
export type AgentDetails = { type: string; title: string | null; exception?: string };

export type ProblemBody = { type: string; title: string; msg?: string; data?: unknown; "agent-details"?: AgentDetails };

export class ProblemError extends Error {
  readonly status: number;
  readonly body: ProblemBody;
  constructor(slug: ProblemSlug, opts: { msg?: string; title?: string; data?: unknown; agentDetails?: AgentDetails } = {}) {
    const [status, title] = TABLE[slug];
    super(opts.msg ?? opts.title ?? title);
    this.status = status;
    this.body = { type: `https://api.backend.ai/probs/${slug}`, title: opts.title ?? title };
    if (opts.msg !== undefined) this.body.msg = opts.msg;
    if (opts.data !== undefined) this.body.data = opts.data;
    if (opts.agentDetails !== undefined) this.body["agent-details"] = opts.agentDetails;
  }
}

/** The agent call gave up (spec §5.2 execute queue, §5.5 completion): 500 with agent-timeout details. */
export const agentTimeout = () =>
  new ProblemError("kernel-execution-failed", { agentDetails: { type: "https://api.backend.ai/probs/agent-timeout", title: null } });

/** An exception raised inside the agent or container (spec §7.1 file failures), with its repr. */
export const agentFailure = (name: string, message: string) =>
  new ProblemError("kernel-execution-failed", {
    agentDetails: { type: "https://api.backend.ai/probs/agent-failure", title: `${name}: ${message}`, exception: `${name}(${JSON.stringify(message)})` },
  });

export const noSuchSession = (ref: string) =>
  new ProblemError("object-not-found", { title: "No such session.", msg: `Session (id=${ref}) does not exist.` });
