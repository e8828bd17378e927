import { describe, expect, it } from "vitest";
import { AuthError, ExecutionError, KernelError, NotebookError, isDomainError } from "./errors";

describe("domain errors", () => {
  it("carry a stable name (minification-proof), a code and a cause", () => {
    const cause = new Error("socket closed");
    const errors = [new NotebookError("NOT_FOUND", "x"), new ExecutionError("CODE_TOO_LARGE", "x"), new KernelError("DEAD", "x", { cause }), new AuthError("FORBIDDEN", "x")];
    expect(errors.map((e) => e.name)).toEqual(["NotebookError", "ExecutionError", "KernelError", "AuthError"]);
    expect(errors.every(isDomainError)).toBe(true);
    expect(errors[2].cause).toBe(cause);
    expect(isDomainError(new Error("plain"))).toBe(false);
  });
});
