// The server's side of one webR kernel process (host/kernel-host.mjs): starts it locked down
// (sandbox.ts), offers the part of webR's API the R session uses over IPC, and stops it when its
// memory passes the limit. Its death (crash, `q()`, the limit) reaches the session as webR's own
// "closed" message, with the reason in `exitReason`.
import { spawn, type ChildProcess } from "node:child_process";
import { readFile } from "node:fs/promises";
import { z } from "zod";
import { kernelFiles, prepareKernel, type KernelCommand } from "./sandbox";

export type KernelProcessOptions = { memoryLimitMb: number };
/** An R object kept in the kernel process (an environment), referred to by number. */
export type RemoteRObject = { readonly handle: number };
export type EvalOptions = { env?: RemoteRObject; captureStreams?: boolean; captureConditions?: boolean; withAutoprint?: boolean };

/** How often the kernel's resident memory is read. */
const WATCH_MS = 200;
/** Kept from the kernel's stderr, for the log when it fails to start. */
const STDERR_TAIL = 2_000;

const ZHostMessage = z.discriminatedUnion("type", [
  z.object({ type: z.literal("ready"), version: z.string() }),
  z.object({ type: z.literal("failed"), error: z.string() }),
  z.object({ type: z.literal("fatal"), error: z.string() }),
  z.object({ type: z.literal("reply"), id: z.number(), ok: z.boolean(), value: z.unknown().optional(), error: z.string().optional() }),
  z.object({ type: z.literal("output"), message: z.unknown() }),
]);

/** The kernel's whole environment: nothing of the server's (Node adds only its IPC descriptor). */
const NO_VARIABLES = {} as NodeJS.ProcessEnv;

type Pending = { resolve(value: unknown): void; reject(error: Error): void };

export class KernelProcess {
  version = "";
  /** Why the process ended, once it has (or is being stopped for its memory). */
  exitReason: string | undefined;
  readonly FS = {
    readFile: async (path: string): Promise<Uint8Array> => z.instanceof(Uint8Array).parse(await this.request("readFile", { path })),
    writeFile: async (path: string, data: Uint8Array, flags?: string): Promise<void> => {
      await this.request("writeFile", { path, data, flags });
    },
  };
  private readonly output: unknown[] = [];
  private readonly readers: ((message: unknown) => void)[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private exited = false;
  private stderr = "";
  private readonly ready: Promise<void>;
  private readonly watchdog: NodeJS.Timeout;

  private constructor(
    private readonly child: ChildProcess,
    private readonly command: KernelCommand,
    private readonly options: KernelProcessOptions,
  ) {
    child.stderr?.on("data", (chunk: Buffer) => (this.stderr = (this.stderr + chunk.toString()).slice(-STDERR_TAIL)));
    this.ready = new Promise<void>((resolve, reject) => {
      child.on("message", (raw: unknown) => this.receive(raw, { resolve, reject }));
      child.on("error", (error) => reject(error));
      child.once("exit", () => reject(new Error(`The kernel process ended while starting: ${this.exitReason ?? this.stderr.trim()}`)));
    });
    this.ready.catch(() => undefined);
    child.once("exit", (code, signal) => {
      this.exitReason ??= `The R process exited (${signal ?? `code ${code}`})`;
    });
    child.once("close", () => this.onClosed());
    this.watchdog = setInterval(() => void this.checkMemory(), WATCH_MS);
    this.watchdog.unref();
  }

  /** Starts a locked-down kernel process; `init` resolves once webR in it has started. */
  static async spawn(options: KernelProcessOptions): Promise<KernelProcess> {
    const command = await prepareKernel(kernelFiles());
    const child = spawn(command.command, command.args, {
      cwd: command.cwd,
      env: NO_VARIABLES,
      stdio: ["ignore", "ignore", "pipe", "ipc"],
      serialization: "advanced",
    });
    return new KernelProcess(child, command, options);
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  init(): Promise<void> {
    return this.ready;
  }

  evalRVoid(code: string, options?: EvalOptions): Promise<void> {
    return this.request("evalRVoid", { code, options: wire(options) }).then(() => undefined);
  }

  async evalR(code: string, options?: EvalOptions): Promise<RemoteRObject> {
    return { handle: z.number().parse(await this.request("evalR", { code, options: wire(options) })) };
  }

  async evalRRaw(code: string, outputType: "string[]", options?: EvalOptions): Promise<string[]> {
    return z.array(z.string()).parse(await this.request("evalRRaw", { code, outputType, options: wire(options) }));
  }

  async evalRString(code: string, options?: EvalOptions): Promise<string> {
    return z.string().parse(await this.request("evalRString", { code, options: wire(options) }));
  }

  /** Drops the output webR has produced so far (e.g. the start-up banner). */
  async flush(): Promise<void> {
    await this.request("sync", {});
    this.output.length = 0;
  }

  /** The next message of webR's output queue; `{ type: "closed" }` once the process has ended. */
  read(): Promise<unknown> {
    const next = this.output.shift();
    if (next !== undefined) return Promise.resolve(next);
    if (this.exited) return Promise.resolve({ type: "closed" });
    return new Promise((resolve) => this.readers.push(resolve));
  }

  interrupt(): void {
    if (!this.exited && this.child.connected) this.child.send({ op: "interrupt" });
  }

  /** Kills the process (nothing in it needs a graceful end); the folder goes once it has exited. */
  close(): void {
    if (!this.exited) this.child.kill("SIGKILL");
  }

  private request(op: string, fields: Record<string, unknown>): Promise<unknown> {
    if (this.exited || !this.child.connected) return Promise.reject(new Error(this.exitReason ?? "The R process has exited."));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.child.send({ ...fields, id, op }, (error) => {
        if (!error) return;
        this.pending.delete(id);
        reject(error);
      });
    });
  }

  private receive(raw: unknown, start: { resolve(): void; reject(error: Error): void }): void {
    const parsed = ZHostMessage.safeParse(raw);
    if (!parsed.success) return;
    const message = parsed.data;
    switch (message.type) {
      case "ready":
        this.version = message.version;
        start.resolve();
        return;
      case "failed":
        start.reject(new Error(`webR could not start in the kernel process: ${message.error}`));
        return;
      case "fatal":
        this.exitReason ??= message.error;
        return;
      case "reply": {
        const waiting = this.pending.get(message.id);
        this.pending.delete(message.id);
        if (message.ok) waiting?.resolve(message.value);
        else waiting?.reject(new Error(message.error ?? "The kernel process could not answer."));
        return;
      }
      case "output":
        this.deliver(message.message);
        return;
      default: {
        const unreachable: never = message;
        return unreachable;
      }
    }
  }

  private deliver(message: unknown): void {
    const reader = this.readers.shift();
    if (reader) reader(message);
    else this.output.push(message);
  }

  private async checkMemory(): Promise<void> {
    const pid = this.child.pid;
    if (this.exited || pid === undefined) return;
    const status = await readFile(`/proc/${pid}/status`, "utf8").catch(() => "");
    const kib = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1] ?? 0);
    if (kib <= this.options.memoryLimitMb * 1024 || this.exited) return;
    this.exitReason = `The kernel used more than ${this.options.memoryLimitMb} MB of memory and was stopped; its variables are lost`;
    this.child.kill("SIGKILL");
  }

  private onClosed(): void {
    this.exited = true;
    clearInterval(this.watchdog);
    const reason = new Error(this.exitReason ?? "The R process exited.");
    for (const waiting of this.pending.values()) waiting.reject(reason);
    this.pending.clear();
    for (const reader of this.readers.splice(0)) reader({ type: "closed" });
    void this.command.cleanUp().catch(() => undefined);
  }
}

function wire(options: EvalOptions | undefined): Record<string, unknown> | undefined {
  if (!options) return undefined;
  const { env, ...rest } = options;
  return env ? { ...rest, env: env.handle } : rest;
}
