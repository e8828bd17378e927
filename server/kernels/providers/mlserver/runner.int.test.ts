// The runner's and the IDE's R code run by a real R (Rscript), as ML Server would run them: what
// the console shows, what error R raises, and that nothing is left in the workspace or open.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ConsoleReader } from "./console";
import { CLEAR_WORKSPACE_R, completionCode, variablesCode } from "./ide.R";
import { parseVariable } from "./ide";
import { runnerCode } from "./runner.R";

const NONCE = "0123456789abcdef";
const dir = mkdtempSync(join(tmpdir(), "kb-mlserver-runner-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Evaluates `setup`, then `code` at top level like a server would; reports what R saw. */
function runR(code: string, setup = "") {
  writeFileSync(join(dir, "cell.R"), code);
  const driver = `${setup}
local({
  err <- tryCatch({ eval(parse("cell.R")[[1]], globalenv()); NULL }, error = function(e) e)
  cat("\\n##REPORT##\\n")
  cat("ERR:", if (is.null(err)) "" else conditionMessage(err), "\\n")
  cat("CALL:", if (is.null(err) || is.null(conditionCall(err))) "" else deparse(conditionCall(err)), "\\n")
  cat("LS:", ls(globalenv(), all.names = TRUE), "\\n")
  cat("DEV:", length(grDevices::dev.list()), "\\n")
})`;
  const r = spawnSync("Rscript", ["--vanilla", "-e", driver], { cwd: dir, encoding: "utf8" });
  const [console = "", report = ""] = r.stdout.split("\n##REPORT##\n");
  const field = (name: string) => new RegExp(`^${name}: ?(.*?) ?$`, "m").exec(report)?.[1] ?? "";
  return { console, error: field("ERR"), call: field("CALL"), ls: field("LS").split(" ").filter(Boolean), devices: Number(field("DEV")), stderr: r.stderr };
}

describe("the R runner in a real R", () => {
  it("prints, records messages and warnings, writes plot files and leaves only the user's objects", () => {
    for (const f of readdirSync(dir)) if (f.endsWith(".png")) rmSync(join(dir, f));
    const out = runR(runnerCode('x <- 1; x\nmessage("note to self")\nwarning("careful now")\nplot(cars)\ninvisible(2)', NONCE));
    const records = new ConsoleReader(NONCE).read(out.console, { final: true });
    expect(records).toEqual([
      { kind: "text", text: "[1] 1\n" },
      { kind: "mark", mark: "message", payload: "note to self\n" },
      { kind: "mark", mark: "warning", payload: "careful now" },
    ]);
    expect(out.error).toBe("");
    expect(out.ls).toEqual(["x"]);
    expect(out.devices).toBe(0);
    expect(readdirSync(dir).filter((f) => f.endsWith(".png"))).toEqual([`kb-plot-${NONCE}-001.png`]);
  });

  it("stops at an error, closes the device, and raises it as the console would word it", () => {
    const out = runR(runnerCode('cat("before\\n")\nf <- function() stop("inner")\nf()\ncat("after\\n")', NONCE));
    expect(out.console).toContain("before");
    expect(out.console).not.toContain("after");
    expect([out.error, out.call]).toEqual(["inner", "f()"]);
    expect(out.devices).toBe(0);
    const top = runR(runnerCode('stop("boom")', NONCE));
    expect([top.error, top.call]).toEqual(["boom", ""]);
    const syntax = runR(runnerCode("1 +", NONCE));
    expect(syntax.error).toMatch(/^2:0: unexpected end of input/);
  });

  it("works when the user has masked base functions the runner uses", () => {
    const out = runR(runnerCode("print(1)", NONCE), 'cat <- function(...) stop("masked"); paste <- function(...) "masked"');
    expect(out.error).toBe("");
    expect(new ConsoleReader(NONCE).read(out.console, { final: true })).toEqual([{ kind: "text", text: "[1] 1\n" }]);
  });

  it("describes variables, completes and clears the workspace", () => {
    const setup = 'df <- data.frame(a = 1:3, b = c("x", "y", "z")); .hidden <- 1';
    const vars = runR(variablesCode(["df", "gone"], NONCE), setup);
    const described = new ConsoleReader(NONCE).read(vars.console, { final: true }).flatMap((r) => (r.kind === "mark" ? [parseVariable(r.payload)] : []));
    expect(described).toEqual([{ name: "df", type: "data.frame", shape: "3 x 2", sizeBytes: expect.any(Number), preview: "a, b" }]);
    expect(vars.ls).toEqual([".hidden", "df"]);
    const completed = runR(completionCode("mean(df$", NONCE), setup);
    expect(new ConsoleReader(NONCE).read(completed.console, { final: true })).toEqual([{ kind: "mark", mark: "complete", payload: "df$\u001fdf$a\u001fdf$b" }]);
    expect(runR(CLEAR_WORKSPACE_R, `${setup}; set.seed(1)`).ls).toEqual([]);
  });
});
