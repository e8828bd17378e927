import { describe, expect, it } from "vitest";
import { KernelError } from "@/server/errors";
import { BackendAIHttpError, redactHeaders, toKernelError } from "./errors";

const SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
const CTX = { method: "POST", path: "/session/ide-r-01", what: "run code", secrets: [SECRET] };
const AUTH = "BackendAI signMethod=HMAC-SHA256, credential=AKIAIOSFODNN7EXAMPLE:ec39b9a5";

function map(status: number, body: unknown): KernelError {
  const error = toKernelError(status, typeof body === "string" ? body : JSON.stringify(body), CTX, { Authorization: AUTH, "X-BackendAI-Version": "v8.20240915" });
  expect(error).toBeInstanceOf(KernelError);
  expect(error.message).not.toMatch(/[{}]/);
  expect(error.message).not.toContain(SECRET);
  expect(error.message).not.toContain("ec39b9a5");
  const cause = error.cause as BackendAIHttpError;
  expect(cause).toBeInstanceOf(BackendAIHttpError);
  expect(JSON.stringify(cause.headers)).not.toContain("ec39b9a5");
  expect(cause.message).not.toContain(SECRET);
  return error;
}

const probs = (slug: string, rest: Record<string, unknown> = {}) => ({ type: `https://api.backend.ai/probs/${slug}`, title: "t", ...rest });

describe("toKernelError", () => {
  it.each([
    ["signature mismatch", 401, probs("auth-failed", { msg: "Signature mismatch" }), "UNAUTHORIZED", /access key or its signature/],
    ["unknown access key", 401, probs("auth-failed", { msg: "Access key not found" }), "UNAUTHORIZED", /check the access key and secret key/],
    ["malformed authorization", 400, probs("invalid-auth-params", { msg: "Malformed authorization header" }), "UNAUTHORIZED", /credentials/],
    ["clock skew", 400, probs("invalid-auth-params", { msg: "Date/time sync error" }), "UNAVAILABLE", /clock differs .* 15 minutes/],
    ["password expired", 401, probs("password-expired"), "UNAUTHORIZED", /password has expired/],
    ["session not found (24.09)", 404, probs("object-not-found", { title: "No such session.", msg: "Session (id=x) does not exist." }), "NOT_FOUND", /no longer exists/],
    ["session not found (head)", 404, probs("object-not-found", { title: "No such session.", error_code: "session_read_not-found" }), "NOT_FOUND", /no longer exists/],
    ["session not found (20.03)", 404, probs("session-not-found"), "NOT_FOUND", /no longer exists/],
    ["kernel not found (19.09)", 404, probs("kernel-not-found", { title: "No such kernel." }), "NOT_FOUND", /no longer exists/],
    ["unknown image", 404, probs("object-not-found", { title: "No such environment image.", msg: "Unknown image references: alias:'r:9'" }), "START_FAILED", /image.*alias:'r:9'/],
    ["too many sessions matched", 404, probs("too-many-sessions-matched", { data: { matches: [] } }), "NOT_FOUND", /Several/],
    ["session already exists", 400, probs("session-already-exists"), "START_FAILED", /already exists/],
    ["quota exceeded", 412, probs("quota-exceeded"), "START_FAILED", /resource limit/],
    ["rate limit", 429, probs("rate-limit-exceeded"), "BUSY", /rate-limiting/],
    ["unsupported API version", 400, probs("generic-bad-request", { msg: "Unsupported API version." }), "UNAVAILABLE", /API version/],
    ["invalid parameters", 400, probs("invalid-api-params", { msg: "continuation requires explicit run ID" }), "UNAVAILABLE", /run code.*explicit run ID/],
    ["forbidden", 403, probs("generic-forbidden", { msg: "Cannot destroy sessions in scheduled status" }), "UNAVAILABLE", /does not allow/],
    ["unknown URL", 404, probs("url-not-found"), "UNAVAILABLE", /BACKEND_ENDPOINT/],
    ["agent timeout", 500, probs("kernel-execution-failed", { "agent-details": { type: "https://api.backend.ai/probs/agent-timeout", title: null } }), "TIMEOUT", /in time/],
    ["agent failure", 500, probs("kernel-execution-failed", { "agent-details": { type: "https://api.backend.ai/probs/agent-failure", title: "x" } }), "UNAVAILABLE", /agent failed/],
    ["missing file (agent)", 500, probs("kernel-execution-failed", { "agent-details": { type: "https://api.backend.ai/probs/agent-failure", title: "t", exception: "FileNotFoundError('Could not found the file: /home/work/x')" } }), "NOT_FOUND", /no such file/],
    ["path outside /home/work (agent)", 500, probs("kernel-execution-failed", { "agent-details": { type: "https://api.backend.ai/probs/agent-failure", title: "t", exception: "PermissionError('Not allowed')" } }), "UNAVAILABLE", /outside the session's working directory/],
    ["file over 1 MiB (agent)", 500, probs("kernel-execution-failed", { "agent-details": { type: "https://api.backend.ai/probs/agent-failure", title: "t", exception: "ValueError('too large file')" } }), "UNAVAILABLE", /1 MiB/],
    ["GraphQL error (legacy endpoint)", 400, probs("graphql-error", { data: [{ message: "Cannot query field" }] }), "UNAVAILABLE", /refused the query/],
    ["deprecated API", 400, probs("deprecated", { msg: "Use POST to download files." }), "UNAVAILABLE", /no longer offers POST \/session\/ide-r-01.*Use POST/],
    ["creation failed", 500, probs("kernel-creation-failed"), "START_FAILED", /could not start/],
    ["no instance", 503, probs("instance-not-available"), "START_FAILED", /could not start/],
    ["frozen", 503, probs("server-frozen"), "UNAVAILABLE", /maintenance/],
    ["internal error", 500, probs("internal-server-error", { msg: "Traceback ..." }), "UNAVAILABLE", /HTTP 500/],
    ["not JSON", 502, "<html>Bad gateway</html>", "UNAVAILABLE", /HTTP 502/],
    ["bare 401", 401, "", "UNAUTHORIZED", /access key/],
    ["bare 429", 429, "", "BUSY", /rate-limiting/],
  ])("maps %s", (_name, status, body, code, message) => {
    const error = map(status, body);
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
  });

  it("reads v4's message folded into the title", () => {
    const error = map(400, probs("invalid-api-params", { title: "Missing or invalid API parameters. (mode is missing or empty!)" }));
    expect(error.message).toContain("mode is missing or empty!");
  });

  it("never repeats a secret the manager echoes", () => {
    const error = map(400, probs("invalid-api-params", { msg: `bad key ${SECRET} credential=AK:abc` }));
    expect(error.message).toContain("[redacted]");
  });

  it("keeps status and type in the cause and redacts Authorization", () => {
    const error = map(404, probs("object-not-found", { title: "No such session." }));
    const cause = error.cause as BackendAIHttpError;
    expect(cause.status).toBe(404);
    expect(cause.problemType).toBe("object-not-found");
    expect(cause.message).toContain("POST /session/ide-r-01 → 404");
    expect(cause.headers.Authorization).toBe("[redacted]");
    expect(redactHeaders({ authorization: "x", Host: "h" })).toEqual({ authorization: "[redacted]", Host: "h" });
  });
});
