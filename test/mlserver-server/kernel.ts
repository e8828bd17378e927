// Why: one long-lived R (or Python) child per session, the stand-in for an ML Server shell: runs
// one command at a time, streams console text while code runs, and can be interrupted or killed.
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { inputsPrelude, type ParameterType } from "./r-literal";

export type Runtime = "R" | "Python";
export type WorkspaceObject = { name: string; value: unknown };
export type RunResult = { success: boolean; errorMessage: string; outputParameters: WorkspaceObject[] };
export type ControlOp = "LS" | "SAVE" | "LOAD" | "RM" | "SAVEALL" | "LOADALL";

export class KernelError extends Error {
  constructor(readonly code: "DEAD" | "COMMAND_FAILED", message: string, opts: { cause?: unknown } = {}) {
    super(message, opts);
    this.name = "KernelError";
  }
}

const DRIVERS = fileURLToPath(new URL("./drivers/", import.meta.url));
const MARK = "\x1e";

type Waiter = { resolve: (payload: string) => void; reject: (e: Error) => void; onText: (t: string) => void };

export class Kernel {
  private readonly child: ChildProcessWithoutNullStreams;
  private waiter: Waiter | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private seq = 0;
  private buf = "";
  private running = false;
  readonly ready: Promise<void>;
  dead = false;

  readonly runtime: Runtime;
  readonly workDir: string;
  private readonly ctlDir: string;

  /** `workDir` is the session's working directory; `ctlDir` holds the driver's command files. */
  constructor(opts: { runtime: Runtime; workDir: string; ctlDir: string; onExit?: () => void }) {
    const { runtime, workDir, ctlDir, onExit = () => {} } = opts;
    this.runtime = runtime;
    this.workDir = workDir;
    this.ctlDir = ctlDir;
    mkdirSync(workDir, { recursive: true });
    mkdirSync(ctlDir, { recursive: true });
    const [cmd, args] = runtime === "R"
      ? ["Rscript", ["--no-save", "--no-restore", "--no-site-file", join(DRIVERS, "r-driver.R")]]
      : ["python3", ["-u", join(DRIVERS, "py-driver.py")]];
    this.child = spawn(cmd, args, { cwd: workDir, stdio: "pipe", env: { ...process.env, HOME: workDir, LANG: "C.UTF-8" } });
    this.ready = new Promise<void>((resolve, reject) => {
      this.waiter = { resolve: () => resolve(), reject, onText: () => {} };
    });
    this.ready.catch(() => {});
    this.child.stdout.setEncoding("utf8");
    this.child.stderr.setEncoding("utf8");
    this.child.stdout.on("data", (c: string) => this.feed(c));
    this.child.stderr.on("data", (c: string) => this.waiter?.onText(c));
    this.child.on("error", (e) => this.die(e));
    this.child.stdin.on("error", () => {}); // EPIPE after the shell died; the exit handler reports it
    this.child.on("exit", (code, signal) => {
      this.die(new Error(`${cmd} exited (${signal ?? code})`));
      onExit();
    });
  }

  /** Runs code with input/output parameters (§2.5); console text goes to onOutput as it comes. */
  exec(opts: { code: string; inputs: (WorkspaceObject & { type?: ParameterType })[]; outputs: string[]; onOutput: (text: string) => void }): Promise<RunResult> {
    return this.enqueue(async () => {
      const n = ++this.seq;
      const file = (name: string) => join(this.ctlDir, `${name}-${n}`);
      const ext = this.runtime === "R" ? ".R" : ".py";
      const prelude = opts.inputs.length === 0 ? "-" : file(this.runtime === "R" ? "inputs.R" : "inputs.json");
      if (prelude !== "-") writeFileSync(prelude, this.runtime === "R" ? inputsPrelude(opts.inputs) : JSON.stringify(opts.inputs));
      const outputs = opts.outputs.length === 0 ? "-" : file("outputs.txt");
      if (outputs !== "-") writeFileSync(outputs, `${opts.outputs.join("\n")}\n`);
      writeFileSync(file(`code${ext}`), opts.code);
      const result = file("result.json");
      this.running = true;
      try {
        await this.send(["EXEC", prelude, file(`code${ext}`), outputs, result], opts.onOutput);
      } finally {
        this.running = false;
      }
      try {
        return JSON.parse(readFileSync(result, "utf8")) as RunResult;
      } catch {
        return { success: false, errorMessage: "Execution interrupted\n", outputParameters: [] };
      } finally {
        for (const f of [prelude, outputs, file(`code${ext}`), result]) if (f !== "-") rmSync(f, { force: true });
      }
    });
  }

  /** A workspace/snapshot command (see the drivers); rejects with COMMAND_FAILED and R's message. */
  control(op: ControlOp, ...args: string[]): Promise<void> {
    return this.enqueue(async () => {
      await this.send([op, ...args], () => {});
    });
  }

  /** Object names in the workspace. */
  list(): Promise<string[]> {
    return this.enqueue(async () => {
      const out = join(this.ctlDir, `ls-${++this.seq}.json`);
      await this.send(["LS", out], () => {});
      const names = JSON.parse(readFileSync(out, "utf8")) as string[];
      rmSync(out, { force: true });
      return names;
    });
  }

  /** SIGINT to the shell while code runs (§2.4: not guaranteed to stop it). */
  interrupt(): void {
    if (this.running && !this.dead) this.child.kill("SIGINT");
  }

  kill(): Promise<void> {
    if (this.dead) return Promise.resolve();
    return new Promise((resolve) => {
      this.child.once("exit", () => resolve());
      this.child.kill("SIGKILL");
    });
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(async () => {
      await this.ready;
      if (this.dead) throw new KernelError("DEAD", "The session's shell is gone");
      return task();
    });
    this.queue = run.catch(() => {});
    return run;
  }

  private send(parts: string[], onText: (t: string) => void): Promise<string> {
    return new Promise((resolve, reject) => {
      this.waiter = { resolve, reject, onText };
      this.child.stdin.write(`${parts.join("\t")}\n`);
    });
  }

  /** Splits stdout into console text and \x1eKB:TYPE[:payload]\x1e records, holding back partial records. */
  private feed(chunk: string): void {
    this.buf += chunk;
    for (;;) {
      const start = this.buf.indexOf(MARK);
      const text = start < 0 ? this.buf : this.buf.slice(0, start);
      if (text) this.waiter?.onText(text);
      this.buf = start < 0 ? "" : this.buf.slice(start);
      if (start < 0) return;
      const end = this.buf.indexOf(MARK, 1);
      if (end < 0) return;
      const [, type, ...rest] = this.buf.slice(1, end).split(":");
      this.buf = this.buf.slice(end + 1);
      this.record(type ?? "", rest.join(":"));
    }
  }

  private record(type: string, payload: string): void {
    const w = this.waiter;
    this.waiter = undefined;
    if (type === "ERR") w?.reject(new KernelError("COMMAND_FAILED", payload));
    else w?.resolve(payload);
  }

  private die(cause: Error): void {
    if (this.dead) return;
    this.dead = true;
    this.running = false;
    this.waiter?.reject(new KernelError("DEAD", "The session's shell is gone", { cause }));
    this.waiter = undefined;
  }
}
