// The webR kernel's IDE features against real embedded R: completion, help, the workspace listing
// (cheap for huge objects, leaving nothing behind, printing nothing), the answer while busy, and
// the table form of data frame results.
import { describe, expect, it } from "vitest";
import { sharedKernel } from "@/test/shared-kernel";
import { TABLE_MIME, parseTableOutput } from "@/server/contracts/table";
import type { KernelProvider } from "../../types";
import { createWebRProvider } from "./index";

describe("webr IDE features", () => {
  const provider: KernelProvider = createWebRProvider();
  const kernel = sharedKernel(provider);
  const { run } = kernel;
  const complete = (code: string, cursor = code.length) => provider.complete!(kernel.id, { code, cursor });
  const inspect = (code: string, cursor = code.length) => provider.inspect!(kernel.id, { code, cursor });
  const workspace = async () => {
    const [listing] = await run("ls(globalenv(), all.names = TRUE)");
    return listing?.type === "execute_result" ? listing.data["text/plain"] : "";
  };

  it("completes names with R's own completion, giving the range replaced", async () => {
    const names = await complete("x <- summ");
    expect(names.matches).toContain("summary");
    expect(names).toMatchObject({ cursorStart: 5, cursorEnd: 9 });

    await run("df <- data.frame(alpha = 1, beta = 2)");
    const code = "y <- 1\n  df$";
    const columns = await complete(code);
    expect(columns.matches).toEqual(["df$alpha", "df$beta"]);
    expect(code.slice(columns.cursorStart, columns.cursorEnd)).toBe("df$");

    expect((await complete("stats::rno")).matches).toContain("stats::rnorm");
    expect((await complete("data.frame(check.n")).matches).toContain("check.names=");
    expect((await complete("zzzqqq")).matches).toEqual([]);
  });

  it("completes in the middle of a cell, from the text before the cursor", async () => {
    const code = "summ\nplot(1)";
    const result = await complete(code, 4);
    expect(result.matches).toContain("summary");
    expect(result).toMatchObject({ cursorStart: 0, cursorEnd: 4 });
  });

  it("gives R help pages as plain text, and the workspace's own objects described", async () => {
    const help = await inspect("summary(");
    expect(help.found).toBe(true);
    expect(help.found && help.text).toMatch(/Object Summaries[\s\S]*Usage:[\s\S]*summary\(object, \.\.\.\)/);
    const qualified = await inspect("stats::rnorm", 9);
    expect(qualified.found && qualified.text).toContain("The Normal Distribution");

    await run("my_fun <- function(a, b = 2) a + b; df <- data.frame(alpha = 1:3)");
    expect(await inspect("my_fun")).toEqual({ found: true, text: "my_fun(a, b = 2)\n\nA function with no help page." });
    const frame = await inspect("df");
    expect(frame.found && frame.text).toMatch(/^df: data\.frame, 3 x 1/);
    expect(await inspect("no_such_name_here")).toEqual({ found: false });
    expect(await inspect("1 + 2")).toEqual({ found: false });
  });

  it("lists the workspace with class, shape, size and a one-line preview", async () => {
    await provider.restart(kernel.id);
    await run("df <- data.frame(alpha = 1:30, beta = letters[1:30]); x <- 1:10; f <- function(a) a; l <- list(1, 2)");
    const vars = await provider.variables!(kernel.id);
    expect(vars.map((v) => v.name)).toEqual(["df", "f", "l", "x"]);
    expect(vars[0]).toMatchObject({ name: "df", type: "data.frame", shape: "30 x 2", preview: "30 obs. of 2 variables" });
    expect(vars[0].sizeBytes).toBeGreaterThan(1000);
    expect(vars[1]).toMatchObject({ type: "function", shape: "", preview: "function (a)" });
    expect(vars[2]).toMatchObject({ type: "list", shape: "length 2", preview: "List of 2" });
    expect(vars[3]).toMatchObject({ type: "integer", shape: "length 10", sizeBytes: expect.any(Number) });
    expect(vars[3].preview).toMatch(/^1 2 3/);
  });

  it("stays fast on a data frame of 1e7 rows, and leaves nothing behind or printed", async () => {
    await provider.restart(kernel.id);
    await run('big <- data.frame(a = seq_len(1e7), b = 0.5, s = "text")');
    const before = await workspace();
    const started = Date.now();
    const [big] = await provider.variables!(kernel.id);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(big).toMatchObject({ name: "big", shape: "10000000 x 3", preview: "10000000 obs. of 3 variables" });
    expect(big.sizeBytes).toBeGreaterThan(100_000_000);
    await complete("bi");
    await inspect("big");
    await inspect("summary");
    expect(await workspace()).toBe(before);
    expect(await run('cat("next\\n")')).toEqual([{ type: "stream", name: "stdout", text: "next\n" }]);
  });

  it("answers nothing at once while a cell runs", async () => {
    const running = run("Sys.sleep(1.5)");
    await new Promise((resolve) => setTimeout(resolve, 200));
    const started = Date.now();
    expect(await complete("summ")).toEqual({ matches: [], cursorStart: 4, cursorEnd: 4 });
    expect(await inspect("summary")).toEqual({ found: false });
    expect(await provider.variables!(kernel.id)).toEqual([]);
    expect(Date.now() - started).toBeLessThan(200);
    expect(await running).toEqual([]);
    expect((await complete("summ")).matches).toContain("summary");
  });

  it("rejects an unknown kernel id with NOT_FOUND", async () => {
    await expect(provider.variables!("nope")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(provider.complete!("nope", { code: "a", cursor: 1 })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("attaches the head of a data frame result as a table, beside its text", async () => {
    const [result] = await run("data.frame(alpha = 1:30, beta = letters[1:30], gamma = c(NA, seq(0.5, 14.5, by = 0.5)))");
    expect(result?.type).toBe("execute_result");
    const data = result?.type === "execute_result" ? result.data : {};
    expect(data["text/plain"]).toMatch(/^ {3}alpha beta gamma\n1 {6}1 {4}a {4}NA/);
    const table = parseTableOutput(data[TABLE_MIME] ?? "");
    expect(table).toMatchObject({
      columns: [{ name: "alpha", type: "integer" }, { name: "beta", type: "character" }, { name: "gamma", type: "numeric" }],
      rowNames: null,
      totalRows: 30,
      totalColumns: 3,
    });
    expect(table?.rows).toHaveLength(30);
    expect(table?.rows[0]).toEqual(["1", "a", null]);
    expect(table?.rows[1]).toEqual(["2", "b", "0.5"]);

    const [cars] = await run("head(mtcars, 2)");
    const named = parseTableOutput(cars?.type === "execute_result" ? (cars.data[TABLE_MIME] ?? "") : "");
    expect(named?.rowNames).toEqual(["Mazda RX4", "Mazda RX4 Wag"]);
    expect(await run("x <- 1; 1:3")).toEqual([{ type: "execute_result", data: { "text/plain": "[1] 1 2 3" } }]);
  });

  it("sends only the first 1000 rows of a big data frame, quickly", async () => {
    await run("big <- data.frame(a = seq_len(1e6), f = factor(rep(c('u', 'v'), 5e5)))");
    const started = Date.now();
    const result = (await run("options(max.print = 20); big")).find((e) => e.type === "execute_result");
    const table = parseTableOutput(result?.type === "execute_result" ? (result.data[TABLE_MIME] ?? "") : "");
    expect(table).toMatchObject({ totalRows: 1_000_000, columns: [{ name: "a", type: "integer" }, { name: "f", type: "factor" }] });
    expect(table?.rows).toHaveLength(1000);
    expect(table?.rows[999]).toEqual(["1000", "v"]);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
