import { describe, expect, it } from "vitest";
import { MlServerHttpError, redact, serverMessage, toKernelError, type RequestContext, type Subject } from "./errors";
import { FIXTURES } from "./fixtures";

const ctx = (subject: Subject, what = "run code"): RequestContext => ({ method: "POST", path: "/sessions/s-1/execute", what, subject, where: "http://mlserver:12800" });

describe("serverMessage", () => {
  it("reads the core spec's Error {message, link, exceptionType}", () => {
    expect(serverMessage(JSON.stringify({ message: "Session 's-1' not found.", link: "", exceptionType: "SessionNotFoundException" }))).toEqual({
      message: "Session 's-1' not found.",
      exceptionType: "SessionNotFoundException",
    });
  });

  it("reads the per-service swagger's {code, message, fields}", () => {
    expect(serverMessage(JSON.stringify({ code: 400, message: "Invalid input", fields: "x" }))).toEqual({ message: "Invalid input", exceptionType: undefined });
  });

  it("accepts an empty body, a JSON string, plain text, and rejects HTML and message-less JSON", () => {
    expect(serverMessage("")).toEqual({});
    expect(serverMessage('"Server busy"')).toEqual({ message: "Server busy" });
    expect(serverMessage("Service Unavailable\r\n")).toEqual({ message: "Service Unavailable" });
    expect(serverMessage("<html><body>502 Bad Gateway</body></html>")).toEqual({});
    expect(serverMessage('{"error":{"detail":"x"}}')).toEqual({});
  });

  it("shortens long text and strips tokens", () => {
    expect(serverMessage("x".repeat(400)).message).toHaveLength(301);
    expect(serverMessage(JSON.stringify({ message: "bad Bearer abc.def.ghi here" })).message).toBe("bad Bearer [redacted] here");
  });
});

describe("toKernelError", () => {
  it("maps a missing session (404, fixture body) to NOT_FOUND with the server's words", () => {
    const error = toKernelError(404, JSON.stringify(FIXTURES["session-not-found"]), ctx("session"));
    expect(error.code).toBe("NOT_FOUND");
    expect(error.message).toBe(
      "The ML Server session no longer exists (it was closed, or the server dropped it). ML Server said: Session '00000000-0000-0000-0000-000000000000' not found.",
    );
    expect(error.cause).toBeInstanceOf(MlServerHttpError);
    expect((error.cause as MlServerHttpError).status).toBe(404);
  });

  it("words a 404 by what the request concerned", () => {
    expect(toKernelError(404, "", ctx("create-session", "start a session from the snapshot")).code).toBe("START_FAILED");
    expect(toKernelError(404, "", ctx("file")).message).toMatch(/^The file does not exist/);
    expect(toKernelError(404, "", ctx("snapshot")).message).toMatch(/snapshot does not exist/);
    expect(toKernelError(404, "", ctx("service")).message).toMatch(/web service/);
    expect(toKernelError(404, "", ctx("server")).message).toMatch(/check MLSERVER_URL/);
  });

  it("maps 410 Gone, 503 busy (empty body), 400, 403, 409, 500 and 504 to sentences", () => {
    expect(toKernelError(410, "", ctx("session"))).toMatchObject({ code: "NOT_FOUND", message: "The ML Server session is gone (it ended on the compute node)." });
    expect(toKernelError(503, "", ctx("session", "start a session"))).toMatchObject({ code: "BUSY", message: "ML Server is busy: no R or Python shell is free to start a session. Try again in a moment." });
    expect(toKernelError(400, JSON.stringify({ message: "code is required" }), ctx("session"))).toMatchObject({
      code: "UNAVAILABLE",
      message: "ML Server rejected the request to run code as invalid. ML Server said: code is required",
    });
    expect(toKernelError(403, "", ctx("service", "delete the web service")).message).toMatch(/does not allow this user to delete the web service/);
    expect(toKernelError(409, "", ctx("service", "publish the web service")).message).toMatch(/same name and version already exists/);
    expect(toKernelError(500, "", ctx("session"))).toMatchObject({ code: "UNAVAILABLE", message: "ML Server failed to run code (HTTP 500)." });
    expect(toKernelError(504, "", ctx("session")).code).toBe("TIMEOUT");
  });

  it("treats an undeclared success status (200 for a creation) as a failure", () => {
    expect(toKernelError(200, JSON.stringify(FIXTURES["create-session-r"]), ctx("create-session", "start a session")).message).toBe(
      "ML Server answered the request to start a session with an unexpected HTTP 200.",
    );
  });

  it("never puts raw JSON in a message", () => {
    const error = toKernelError(500, JSON.stringify({ stack: ["at x"], inner: { a: 1 } }), ctx("session"));
    expect(error.message).not.toMatch(/[{}[\]]/);
  });

  it("redacts the refresh token in the revoke path kept as the cause", () => {
    const error = toKernelError(401, "", { ...ctx("refresh", "sign out"), method: "DELETE", path: "/login/refreshToken?refreshToken=ScW2tRk9Tq%2B7w%2FZp" });
    expect(String(error.cause)).toBe("MlServerHttpError: DELETE /login/refreshToken?refreshToken=[redacted] → HTTP 401");
    expect(redact('{"password":"p","refresh_token":"r"}')).toBe('{"password":"[redacted]","refresh_token":"[redacted]"}');
  });
});
