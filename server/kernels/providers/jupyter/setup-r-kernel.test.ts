// The table setup's edges without a server: other languages get nothing, a failure is one warning
// (never an exception), a connection dropped meanwhile is no failure.
import type { KernelConnection } from "@jupyterlab/services";
import { afterEach, describe, expect, it, vi } from "vitest";
import { setUpRKernel } from "./setup-r-kernel";
import { SETUP_MIME } from "./table-repr.R";

type Answer = { status: string; outcome?: string } | "canceled";

/** The part of a KernelConnection the setup uses, answering its one execute with `answer`. */
function fakeConnection(answer: Answer) {
  const sent: { code: string; silent?: boolean; store_history?: boolean }[] = [];
  const fake = {
    isDisposed: answer === "canceled",
    requestExecute(content: { code: string; silent?: boolean; store_history?: boolean }) {
      sent.push(content);
      const future = {
        onIOPub: (_msg: unknown) => undefined as void,
        dispose: () => undefined,
        get done() {
          if (answer === "canceled") return Promise.reject(new Error("Canceled future"));
          if (answer.outcome !== undefined) future.onIOPub({ header: { msg_type: "display_data" }, content: { data: { [SETUP_MIME]: answer.outcome } } });
          return Promise.resolve({ content: { status: answer.status } });
        },
      };
      return future;
    },
  };
  return { connection: fake as unknown as KernelConnection, sent };
}

const R = { implementation: "IRkernel", language_info: { name: "R" } };
const options = { kernelId: "k1", info: R, timeoutMs: 1000 };

describe("setUpRKernel", () => {
  afterEach(() => vi.restoreAllMocks());

  it("sends one silent, unstored execute to an R kernel and stays quiet when it worked", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const { connection, sent } = fakeConnection({ status: "ok", outcome: "ok" });
    await setUpRKernel(connection, options);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ silent: true, store_history: false });
    expect(sent[0]?.code).toContain("application/vnd.kernelbook.table+json");
    expect(warn).not.toHaveBeenCalled();
  });

  it("leaves a Python kernel alone", async () => {
    const { connection, sent } = fakeConnection({ status: "ok", outcome: "ok" });
    await setUpRKernel(connection, { ...options, info: { implementation: "ipython", language_info: { name: "python" } } });
    expect(sent).toEqual([]);
  });

  it("warns once, with the reason, when the setup failed in R or the request did", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    await setUpRKernel(fakeConnection({ status: "ok", outcome: "there is no package called 'repr'" }).connection, options);
    await setUpRKernel(fakeConnection({ status: "error" }).connection, options);
    expect(warn).toHaveBeenCalledTimes(2);
    expect(warn.mock.calls[0]?.[0]).toContain("k1");
    expect(warn.mock.calls[0]?.[0]).toContain("there is no package called 'repr'");
    expect(warn.mock.calls[1]?.[0]).toContain('status "error"');
  });

  it("says nothing when the connection was dropped under it", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    await expect(setUpRKernel(fakeConnection("canceled").connection, options)).resolves.toBeUndefined();
    expect(warn).not.toHaveBeenCalled();
  });
});
