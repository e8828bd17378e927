// The provider against a misbehaving ML Server (the protocol test server's faults): no free shell,
// slow answers, each documented error body shape, LF or CRLF consoles, string bodies, and answers
// that break the swagger; each failure must read as a sentence, never raw JSON.
import { afterAll, describe, expect, it } from "vitest";
import { KernelError } from "@/server/errors";
import { startMlServerTestServer } from "@/test/mlserver-server/server";
import { createMlServerProvider, type MlServerProviderOptions } from "./index";
import { runCode as run } from "@/test/kernel-events";

const server = await startMlServerTestServer();
afterAll(() => server.close());

const make = (options: Partial<MlServerProviderOptions> = {}) =>
  createMlServerProvider({ url: server.url, username: server.username, password: server.password, pollMs: 100, ...options });

async function failure(promise: Promise<unknown>): Promise<KernelError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(KernelError);
  expect((error as KernelError).message).not.toMatch(/[{}[\]]/);
  return error as KernelError;
}

describe("mlserver under faults", () => {
  it("reports a server with no free shell (503, empty body) as BUSY, for sessions and services", async () => {
    server.faults.busy503 = true;
    try {
      const error = await failure(make().start());
      expect(error.code).toBe("BUSY");
      expect(error.message).toBe("ML Server is busy: no R or Python shell is free to start a session. Try again in a moment.");
    } finally {
      server.faults.busy503 = false;
    }
  });

  it("reports the shell pool's limit the same way", async () => {
    const provider = make();
    const first = await provider.start();
    server.faults.maxSessions = 1;
    try {
      expect((await failure(provider.start())).code).toBe("BUSY");
    } finally {
      server.faults.maxSessions = 80;
      await provider.shutdown(first.remoteId);
    }
  });

  it("times out a slow server with a sentence naming the request", async () => {
    server.faults.slowMs = 1500;
    try {
      const error = await failure(make({ requestTimeoutMs: 300 }).start());
      expect(error.code).toBe("TIMEOUT");
      expect(error.message).toMatch(/did not answer the request to sign in within 0\.3 s/);
    } finally {
      server.faults.slowMs = 0;
    }
  });

  it("reads every documented error body shape (core, code/message/fields, empty)", async () => {
    const provider = make();
    for (const shape of ["core", "code-message-fields", "empty"] as const) {
      server.faults.errorBody = shape;
      try {
        const error = await failure(provider.shutdown("00000000-0000-0000-0000-000000000000"));
        expect(error.code).toBe("NOT_FOUND");
        expect(error.message).toMatch(/^The ML Server session no longer exists/);
        if (shape === "empty") expect(error.message).not.toMatch(/said/);
        else expect(error.message).toMatch(/ML Server said: .+/);
      } finally {
        server.faults.errorBody = undefined;
      }
    }
  });

  it("gives the same output with LF and CRLF consoles, and accepts JSON-string bodies", async () => {
    const provider = make();
    const { remoteId } = await provider.start();
    const code = 'cat("a\\nb\\n"); message("m"); warning("w"); stop("boom")';
    const crlf = await run(provider, remoteId, code);
    server.faults.lineEnding = "\n";
    server.faults.stringBody = "json-string";
    try {
      expect(await run(provider, remoteId, code)).toEqual(crlf);
      await provider.interrupt(remoteId);
      await provider.shutdown(remoteId);
    } finally {
      server.faults.lineEnding = "\r\n";
      server.faults.stringBody = "empty";
    }
    expect(crlf).toEqual([
      { type: "stream", name: "stdout", text: "a\nb\n" },
      { type: "message", text: "m\n" },
      { type: "warning", text: "w" },
      { type: "error", ename: "Error", evalue: "boom", traceback: ["Error: boom"] },
    ]);
  });

  it("refuses an answer with a status the swagger does not declare", async () => {
    const before = server.violations.length;
    server.faults.corruptResponses = 1;
    const error = await failure(make().start());
    expect(error.code).toBe("UNAVAILABLE");
    expect(error.message).toMatch(/^ML Server answered the request to sign in with an unexpected HTTP 202\.$/);
    // The server flags the exchange it corrupted on purpose; only that one.
    expect(server.violations.slice(before)).toHaveLength(1);
    server.violations.splice(before);
  });

  it("made every other exchange as the swagger declares it", () => {
    expect(server.violations).toEqual([]);
  });
});
