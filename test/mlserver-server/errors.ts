// Why: one typed error for every HTTP failure the test server answers, and the two documented
// error body shapes it can be written as (§6), plus the empty body (§1.5, §6).
export type MlApiErrorCode =
  | "BAD_REQUEST"
  | "UNAUTHORIZED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "GONE"
  | "INTERNAL"
  | "NOT_IMPLEMENTED"
  | "BUSY";

const STATUS = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  GONE: 410,
  INTERNAL: 500,
  NOT_IMPLEMENTED: 501,
  BUSY: 503,
} as const satisfies Record<MlApiErrorCode, number>;

/**
 * How an error body is written:
 * - "core": the core spec's `Error` {message, link, exceptionType} (we send `message` only, the
 *   fixtures' shape; what real servers put in link/exceptionType is undocumented);
 * - "code-message-fields": {code, message, fields} of the server-generated per-service swaggers and
 *   Microsoft's C# validation tool (§6);
 * - "empty": no body at all (§1.5: what ASP.NET Core's bearer middleware sends on 401).
 */
export type ErrorBodyShape = "core" | "code-message-fields" | "empty";

export class MlApiError extends Error {
  readonly status: number;
  /** The shape this error is written in unless a fault forces another (see Faults.errorBody). */
  readonly shape: ErrorBodyShape | undefined;
  readonly headers: Record<string, string>;
  readonly fields: string | undefined;

  constructor(
    readonly code: MlApiErrorCode,
    message: string,
    opts: { cause?: unknown; shape?: ErrorBodyShape; headers?: Record<string, string>; fields?: string } = {},
  ) {
    super(message, { cause: opts.cause });
    this.name = "MlApiError";
    this.status = STATUS[code];
    this.shape = opts.shape;
    this.headers = opts.headers ?? {};
    this.fields = opts.fields;
  }

  body(shape: ErrorBodyShape): unknown {
    switch (shape) {
      case "core":
        return { message: this.message };
      case "code-message-fields":
        return this.fields === undefined ? { code: this.status, message: this.message } : { code: this.status, message: this.message, fields: this.fields };
      case "empty":
        return undefined;
      default: {
        const never: never = shape;
        return never;
      }
    }
  }
}

/** 401 for a missing, invalid or expired bearer token: empty body + WWW-Authenticate (fixture expired-token-401). */
export function bearerRejected(reason: "missing" | "invalid" | "expired"): MlApiError {
  const description = { missing: "No bearer token", invalid: "The token is invalid", expired: "The token is expired" }[reason];
  const header = reason === "missing" ? "Bearer" : `Bearer error="invalid_token", error_description="${description}"`;
  return new MlApiError("UNAUTHORIZED", description, { shape: "empty", headers: { "WWW-Authenticate": header } });
}

export const notFound = (what: string) => new MlApiError("NOT_FOUND", `${what} not found.`);
