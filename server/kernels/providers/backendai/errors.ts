// Backend.AI manager failures (problem+json, spec §8) as KernelErrors with sentences for users;
// the cause keeps status, type and the manager's message, with Authorization redacted.
import { KernelError, type KernelErrorCode } from "@/server/errors";
import { ZProblem, type Problem } from "./schemas";

/** What the request was for, to word the message ("start a session", "run code"...). */
export type RequestContext = { method: string; path: string; what: string; secrets?: string[] };

/** The detail kept as `cause`: never the secret key, never the Authorization header's value. */
export class BackendAIHttpError extends Error {
  override readonly name = "BackendAIHttpError";
  constructor(
    readonly status: number,
    readonly problemType: string | undefined,
    detail: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
  }
}

export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, k.toLowerCase() === "authorization" ? "[redacted]" : v]));
}

function redact(text: string, secrets: string[] = []): string {
  let out = text.replace(/credential=[^\s,]+/gi, "credential=[redacted]");
  for (const secret of secrets) if (secret) out = out.split(secret).join("[redacted]");
  return out;
}

/** The slug of a problem type URL: ".../probs/auth-failed" → "auth-failed". */
export function problemSlug(problem: Problem): string | undefined {
  return problem.type?.split("/").pop();
}

/** The manager's extra message (v5+ `msg`, or v4's "<title> (<msg>)"), short and secret-free. */
function extra(problem: Problem, secrets?: string[]): string {
  const raw = problem.msg ?? /\((.+)\)\s*$/.exec(problem.title ?? "")?.[1] ?? "";
  const text = redact(raw, secrets).replace(/\s+/g, " ").trim();
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

type Mapped = { code: KernelErrorCode; message: string };

function mapProblem(status: number, problem: Problem, ctx: RequestContext): Mapped {
  const slug = problemSlug(problem);
  const msg = extra(problem, ctx.secrets);
  const because = msg ? ` The manager said: ${msg}` : "";
  switch (slug) {
    case "invalid-auth-params":
    case "auth-failed":
    case "password-expired":
      return authProblem(slug, msg);
    case "object-not-found":
    case "session-not-found":
    case "kernel-not-found":
      if (/image/i.test(problem.title ?? "") || /image/i.test(msg)) return { code: "START_FAILED", message: `Backend.AI does not know this environment image.${because}` };
      return { code: "NOT_FOUND", message: "The Backend.AI session no longer exists (it was terminated or never started)." };
    case "image-not-found":
      return { code: "START_FAILED", message: `Backend.AI does not know this environment image.${because}` };
    case "too-many-sessions-matched":
      return { code: "NOT_FOUND", message: "Several Backend.AI sessions match this name; the session cannot be identified." };
    case "session-already-exists":
    case "kernel-already-exists":
      return { code: "START_FAILED", message: "A Backend.AI session with this name already exists with a different image." };
    case "quota-exceeded":
      return { code: "START_FAILED", message: "You have reached your Backend.AI resource limit. Stop another session or ask an administrator for a larger quota." };
    case "rate-limit-exceeded":
    case "too-many-requests":
      return { code: "BUSY", message: "Backend.AI is rate-limiting this keypair (too many requests in 15 minutes). Wait a few minutes and try again." };
    case "generic-bad-request":
      if (/api version/i.test(msg)) return { code: "UNAVAILABLE", message: `This Backend.AI manager does not support the API version Kernelbook sent.${because}` };
      return { code: "UNAVAILABLE", message: `Backend.AI rejected the request to ${ctx.what}.${because}` };
    case "invalid-api-params":
      return { code: "UNAVAILABLE", message: `Backend.AI rejected the parameters of the request to ${ctx.what}.${because}` };
    case "generic-forbidden":
    case "insufficient-privilege":
      return { code: "UNAVAILABLE", message: `Backend.AI does not allow this keypair to ${ctx.what} now.${because}` };
    case "url-not-found":
    case "generic-not-found":
      return { code: "UNAVAILABLE", message: `The endpoint does not answer ${ctx.method} ${ctx.path} like a Backend.AI manager; check BACKEND_ENDPOINT and the API version.` };
    case "kernel-creation-failed":
    case "instance-not-available":
      return { code: "START_FAILED", message: `Backend.AI could not start the session.${because}` };
    case "kernel-execution-failed":
    case "kernel-restart-failed":
    case "kernel-destruction-failed":
      return agentProblem(problem, ctx, because);
    case "graphql-error":
      return { code: "UNAVAILABLE", message: `Backend.AI refused the query to ${ctx.what}.${because}` };
    case "deprecated":
      return { code: "UNAVAILABLE", message: `This Backend.AI manager no longer offers ${ctx.method} ${ctx.path}.${because}` };
    case "service-unavailable":
    case "server-frozen":
      return { code: "UNAVAILABLE", message: "The Backend.AI manager is unavailable (maintenance or overload). Try again later." };
    default:
      return { code: "UNAVAILABLE", message: `Backend.AI failed to ${ctx.what} (HTTP ${status}).${because}` };
  }
}

/** Credential problems (spec §2, §8): clock skew, unreadable or refused keys, expired passwords. */
function authProblem(slug: "invalid-auth-params" | "auth-failed" | "password-expired", msg: string): Mapped {
  switch (slug) {
    case "invalid-auth-params":
      if (/date|time sync/i.test(msg)) {
        return { code: "UNAVAILABLE", message: "Backend.AI refused the request because this server's clock differs from the manager's by more than 15 minutes. Synchronise the clock (NTP) and try again." };
      }
      return { code: "UNAUTHORIZED", message: `Backend.AI could not read the credentials (${msg || "malformed authorization"}); check the access key and secret key.` };
    case "auth-failed":
      return { code: "UNAUTHORIZED", message: "Backend.AI refused the access key or its signature; check the access key and secret key." };
    case "password-expired":
      return { code: "UNAUTHORIZED", message: "The Backend.AI account's password has expired; renew it before using this keypair." };
    default: {
      const unreachable: never = slug;
      return unreachable;
    }
  }
}

/** Agent-side failures (spec §8 agent-details): timeouts, and file errors by the exception raised (§7.1). */
function agentProblem(problem: Problem, ctx: RequestContext, because: string): Mapped {
  const details = problem["agent-details"];
  if (/agent-timeout/.test(details?.type ?? "")) return { code: "TIMEOUT", message: `The Backend.AI agent did not ${ctx.what} in time.` };
  const exception = details?.exception ?? details?.title ?? "";
  if (/^FileNotFoundError/.test(exception)) {
    return { code: "NOT_FOUND", message: `Backend.AI could not ${ctx.what}: there is no such file in the session's working directory.` };
  }
  if (/^PermissionError/.test(exception)) {
    return { code: "UNAVAILABLE", message: `Backend.AI could not ${ctx.what}: the path is outside the session's working directory.` };
  }
  if (/^ValueError.*too large/i.test(exception)) {
    return { code: "UNAVAILABLE", message: `Backend.AI could not ${ctx.what}: the file is larger than its 1 MiB limit.` };
  }
  return { code: "UNAVAILABLE", message: `The Backend.AI agent failed to ${ctx.what}.${because}` };
}

function fallback(status: number): Problem {
  if (status === 401) return { type: "auth-failed" };
  if (status === 429) return { type: "rate-limit-exceeded" };
  if (status === 404) return { type: "url-not-found" };
  return {};
}

/** Turns a failed manager response (status + body text) into a KernelError. */
export function toKernelError(status: number, bodyText: string, ctx: RequestContext, sentHeaders: Record<string, string> = {}): KernelError {
  let json: unknown;
  try {
    json = JSON.parse(bodyText);
  } catch {
    json = undefined;
  }
  const parsed = ZProblem.safeParse(json);
  const problem = parsed.success && parsed.data.type ? parsed.data : fallback(status);
  const mapped = mapProblem(status, problem, ctx);
  const detail = redact(`${ctx.method} ${ctx.path} → ${status} ${problem.type ?? "(no problem type)"}: ${problem.title ?? ""} ${problem.msg ?? ""}`.trim(), ctx.secrets);
  const cause = new BackendAIHttpError(status, problemSlug(problem), detail, redactHeaders(sentHeaders));
  return new KernelError(mapped.code, mapped.message, { cause });
}
