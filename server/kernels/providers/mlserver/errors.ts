// ML Server failures (status codes of mlserver.md §5, error bodies of §6) as KernelErrors whose
// messages are sentences for users; the cause keeps status and the server's text, never a token.
import { KernelError, type KernelErrorCode } from "@/server/errors";
import { ZErrorBody } from "./schemas";

/** What a request concerns: picks the wording of a 404 and the reaction to a 401. */
export type Subject = "login" | "refresh" | "session" | "create-session" | "file" | "snapshot" | "service" | "server";

/** What the request was for, to word messages ("run code", "list the files"...). */
export type RequestContext = { method: string; path: string; what: string; subject: Subject; where: string };

/** The detail kept as `cause`: status, method, path (secrets redacted) and the server's message. */
export class MlServerHttpError extends Error {
  override readonly name = "MlServerHttpError";
  constructor(
    readonly status: number,
    detail: string,
    readonly exceptionType?: string,
  ) {
    super(detail);
  }
}

/** Removes token values from a path or text (the revoke call carries one in its query). */
export function redact(text: string): string {
  return text
    .replace(/(refreshToken=)[^&\s]*/gi, "$1[redacted]")
    .replace(/(bearer\s+)[\w\-.~+/=]+/gi, "$1[redacted]")
    .replace(/("(?:access_token|refresh_token|refreshToken|password)"\s*:\s*")[^"]*"/gi, '$1[redacted]"');
}

/** The server's own words from an error body of either documented shape, or short plain text. */
export function serverMessage(bodyText: string): { message?: string; exceptionType?: string } {
  const trimmed = bodyText.trim();
  if (!trimmed) return {};
  let json: unknown;
  try {
    json = JSON.parse(trimmed);
  } catch {
    // Plain text is shown when short and readable; HTML error pages are not.
    return /^</.test(trimmed) ? {} : { message: tidy(trimmed) };
  }
  if (typeof json === "string") return { message: tidy(json) };
  const parsed = ZErrorBody.safeParse(json);
  if (!parsed.success || !parsed.data.message) return {};
  return { message: tidy(parsed.data.message), exceptionType: parsed.data.exceptionType ?? undefined };
}

function tidy(text: string): string | undefined {
  const flat = redact(text).replace(/\s+/g, " ").trim();
  if (!flat) return undefined;
  return flat.length > 300 ? `${flat.slice(0, 300)}…` : flat;
}

type Mapped = { code: KernelErrorCode; message: string };

function notFound(ctx: RequestContext): Mapped {
  switch (ctx.subject) {
    case "create-session":
      return { code: "START_FAILED", message: "ML Server could not start the session: the snapshot to load does not exist (or belongs to another user)." };
    case "file":
      return { code: "NOT_FOUND", message: "The file does not exist in the session's working directory (or the session is gone)." };
    case "snapshot":
      return { code: "NOT_FOUND", message: "The ML Server snapshot does not exist (snapshots are private to the user who made them)." };
    case "service":
      return { code: "NOT_FOUND", message: "This ML Server web service (name and version) does not exist." };
    case "session":
      return { code: "NOT_FOUND", message: "The ML Server session no longer exists (it was closed, or the server dropped it)." };
    case "login":
    case "refresh":
    case "server":
      return { code: "UNAVAILABLE", message: `The server at ${ctx.where} does not answer ${ctx.method} ${redact(ctx.path)} like ML Server's operationalization API; check MLSERVER_URL (default port 12800).` };
    default: {
      const unreachable: never = ctx.subject;
      return unreachable;
    }
  }
}

function unauthorized(ctx: RequestContext): Mapped {
  if (ctx.subject === "login") return { code: "UNAUTHORIZED", message: `ML Server at ${ctx.where} rejected the user name or password; check the ML Server credentials.` };
  if (ctx.subject === "refresh") return { code: "UNAVAILABLE", message: "ML Server no longer accepts the refresh token (it expired or was revoked)." };
  return { code: "UNAUTHORIZED", message: `ML Server at ${ctx.where} refused the access token even after signing in again.` };
}

function mapStatus(status: number, ctx: RequestContext): Mapped {
  if (status === 401) return unauthorized(ctx);
  if (status === 404) return notFound(ctx);
  if (status === 410) return { code: "NOT_FOUND", message: "The ML Server session is gone (it ended on the compute node)." };
  if (status === 503) return { code: "BUSY", message: `ML Server is busy: no R or Python shell is free to ${ctx.what}. Try again in a moment.` };
  if (status === 400) return { code: "UNAVAILABLE", message: `ML Server rejected the request to ${ctx.what} as invalid.` };
  if (status === 403) return { code: "UNAVAILABLE", message: `ML Server does not allow this user to ${ctx.what}.` };
  if (status === 409) return { code: "UNAVAILABLE", message: `ML Server could not ${ctx.what}: one with the same name and version already exists.` };
  if (status === 504 || status === 408) return { code: "TIMEOUT", message: `ML Server did not ${ctx.what} in time (HTTP ${status}).` };
  if (status >= 200 && status < 300) return { code: "UNAVAILABLE", message: `ML Server answered the request to ${ctx.what} with an unexpected HTTP ${status}.` };
  return { code: "UNAVAILABLE", message: `ML Server failed to ${ctx.what} (HTTP ${status}).` };
}

/** Turns a failed ML Server response (status + body text) into a KernelError. */
export function toKernelError(status: number, bodyText: string, ctx: RequestContext): KernelError {
  const { message: said, exceptionType } = serverMessage(bodyText);
  const mapped = mapStatus(status, ctx);
  const message = said ? `${mapped.message} ML Server said: ${said}` : mapped.message;
  const detail = `${ctx.method} ${redact(ctx.path)} → HTTP ${status}${exceptionType ? ` ${exceptionType}` : ""}${said ? `: ${said}` : ""}`;
  return new KernelError(mapped.code, message, { cause: new MlServerHttpError(status, detail, exceptionType) });
}

/** The HTTP status behind a KernelError from this provider, if any. */
export function httpStatus(error: unknown): number | undefined {
  return error instanceof KernelError && error.cause instanceof MlServerHttpError ? error.cause.status : undefined;
}
