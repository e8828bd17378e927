// Data frames on a real IRkernel carry the paged-table MIME type (as on webR), set up by one silent
// execute per R process that leaves no trace: no output, no workspace objects, no execution count.
import { KernelConnection, KernelMessage } from "@jupyterlab/services";
import { afterAll, describe, expect, it } from "vitest";
import { sharedKernel } from "@/test/shared-kernel";
import { TABLE_MIME, parseTableOutput, type TableOutput } from "@/server/contracts/table";
import { startJupyterServer } from "@/test/jupyter-server.mjs";
import type { KernelProvider } from "../../types";
import { createJupyterProvider } from "./index";
import { JupyterRest } from "./rest";

const server = await startJupyterServer();
afterAll(() => server.stop());

describe("jupyter data-frame tables", () => {
  const provider: KernelProvider = createJupyterProvider({ baseUrl: server.url, token: server.token });
  const kernel = sharedKernel(provider);
  const { run } = kernel;
  const resultOf = async (code: string): Promise<Record<string, string>> => {
    const events = await run(code);
    expect(events).toHaveLength(1);
    const [result] = events;
    return result?.type === "execute_result" ? result.data : {};
  };
  const tableOf = async (code: string): Promise<TableOutput | null> => parseTableOutput((await resultOf(code))[TABLE_MIME] ?? "");

  it("leaves no trace: nothing shown, nothing in the workspace, the execution count unchanged", async () => {
    const first = await rawExecute(kernel.id, "head(mtcars, 1)");
    expect(first.executionCount).toBe(1);
    expect(first.mimes).toContain(TABLE_MIME);
    expect(await run("ls()")).toEqual([{ type: "execute_result", data: expect.objectContaining({ "text/plain": "character(0)" }) }]);
    expect(await provider.variables!(kernel.id)).toEqual([]);
    // The hidden names too are IRkernel's own: the same as in a kernel Kernelbook did not set up.
    const bare = await rest.startKernel("ir");
    try {
      const ours = (await rawExecute(kernel.id, ALL_NAMES)).stdout;
      expect(ours).toMatch(/^names:/);
      expect(ours).toBe((await rawExecute(bare.id, ALL_NAMES)).stdout);
    } finally {
      await rest.shutdownKernel(bare.id);
    }
  });

  it("sends head(mtcars, 3) as a table beside IRkernel's own HTML and text", async () => {
    const data = await resultOf("head(mtcars, 3)");
    expect(Object.keys(data)).toEqual(expect.arrayContaining(["text/plain", "text/html", TABLE_MIME]));
    const table = parseTableOutput(data[TABLE_MIME] ?? "");
    expect(table?.columns.map((c) => c.name)).toEqual(["mpg", "cyl", "disp", "hp", "drat", "wt", "qsec", "vs", "am", "gear", "carb"]);
    expect(table?.columns.every((c) => c.type === "numeric")).toBe(true);
    expect(table).toMatchObject({ rowNames: ["Mazda RX4", "Mazda RX4 Wag", "Datsun 710"], totalRows: 3, totalColumns: 11 });
    expect(table?.rows).toEqual([
      ["21.0", "6", "160", "110", "3.90", "2.620", "16.46", "0", "1", "4", "4"],
      ["21.0", "6", "160", "110", "3.90", "2.875", "17.02", "0", "1", "4", "4"],
      ["22.8", "4", "108", "93", "3.85", "2.320", "18.61", "1", "1", "4", "1"],
    ]);
  });

  it("sends every row of a small data frame, with NA as null", async () => {
    const table = await tableOf("data.frame(a = 1:30, b = letters[1:30])");
    expect(table).toMatchObject({
      columns: [{ name: "a", type: "integer" }, { name: "b", type: "character" }],
      rowNames: null,
      totalRows: 30,
      totalColumns: 2,
    });
    expect(table?.rows).toHaveLength(30);
    expect(table?.rows[0]).toEqual(["1", "a"]);
    expect(table?.rows[29]).toEqual(["30", null]);
  });

  it("caps a big data frame at 1000 rows and 50 columns", async () => {
    const table = await tableOf("as.data.frame(matrix(1:(1500 * 60), nrow = 1500))");
    expect(table).toMatchObject({ totalRows: 1500, totalColumns: 60 });
    expect(table?.rows).toHaveLength(1000);
    expect(table?.columns).toHaveLength(50);
  });

  it("adds nothing to a value that is not a data frame", async () => {
    const data = await resultOf("1:3");
    expect(data["text/plain"]).toBe("[1] 1 2 3");
    expect(data).not.toHaveProperty(TABLE_MIME);
  });

  it("sets up the new R process again after a restart", async () => {
    await run("kept <- 1");
    await provider.restart(kernel.id);
    expect(await rawExecute(kernel.id, "head(mtcars, 1)")).toMatchObject({ executionCount: 1, mimes: expect.arrayContaining([TABLE_MIME]) });
    expect(await run("ls()")).toEqual([{ type: "execute_result", data: expect.objectContaining({ "text/plain": "character(0)" }) }]);
    expect((await tableOf("head(mtcars, 3)"))?.totalRows).toBe(3);
  });
});

const rest = new JupyterRest({ baseUrl: server.url, token: server.token, requestTimeoutMs: 10_000, startTimeoutMs: 60_000 });
const ALL_NAMES = 'cat("names:", ls(all.names = TRUE))';

/**
 * Runs a stored execute on a connection of its own (not the provider's): its execution count (1
 * means nothing was counted before), the MIME types of its displays and its stdout.
 */
async function rawExecute(kernelId: string, code: string): Promise<{ executionCount: number; mimes: string[]; stdout: string }> {
  const connection = new KernelConnection({ model: { id: kernelId, name: "ir" }, serverSettings: rest.settings, handleComms: false });
  try {
    await connection.info;
    const future = connection.requestExecute({ code, silent: false, store_history: true });
    const mimes: string[] = [];
    let stdout = "";
    future.onIOPub = (msg) => {
      if (KernelMessage.isDisplayDataMsg(msg)) mimes.push(...Object.keys(msg.content.data));
      if (KernelMessage.isStreamMsg(msg) && msg.content.name === "stdout") stdout += msg.content.text;
    };
    const reply = await future.done;
    return { executionCount: reply.content.status === "ok" ? (reply.content.execution_count ?? -1) : -1, mimes, stdout };
  } finally {
    connection.dispose();
  }
}
