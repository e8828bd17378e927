// The shared contract suite every kernel provider runs (from its *.int.test.ts): the behaviour the
// rest of the app relies on, checked with R code against a real kernel. A provider may skip a
// case only by naming the capability and the reason; missing capabilities skip their cases.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ExecEvent } from "@/server/contracts/outputs";
import { KernelError, type KernelErrorCode } from "@/server/errors";
import { FILE_CASES, FILE_CASE_TITLES, fileCaseSkip, type FileCaseContext } from "./contract-files";
import type { KernelProvider, StartedKernel } from "./types";

export const CONTRACT_CASES = [
  "start",
  "execute",
  "streaming",
  "stderr",
  "warning",
  "error",
  "plot",
  "interrupt",
  "concurrency",
  "files",
  "streamed-write",
  "restart",
  "shutdown",
  "unknown-id",
] as const;
export type CaseName = (typeof CONTRACT_CASES)[number];

export type ProviderContractOptions = {
  /** Cases this provider cannot pass, each with its reason ("capability X: why"). */
  skip?: Partial<Record<CaseName, string>>;
  /**
   * Cases to run although the provider's capabilities only promise them best effort, each with
   * why they hold here (e.g. a test server whose agent honours interrupt, as a healthy one does).
   */
  runDespiteCapabilities?: Partial<Record<CaseName, string>>;
};

type Ctx = { provider: KernelProvider; kernel: StartedKernel };
type Timed = { event: ExecEvent; at: number };

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Registers the contract cases for one provider, all sharing one kernel (restarted by "restart"). */
export function runProviderContract(
  name: string,
  makeProvider: () => KernelProvider | Promise<KernelProvider>,
  options: ProviderContractOptions = {},
): void {
  describe(`kernel provider contract: ${name}`, () => {
    // Providers are cheap to construct (kernels start in `start`), so a synchronous factory tells
    // us the capabilities now and their skips get a title; an async one is checked per case.
    const made = makeProvider();
    const known = made instanceof Promise ? undefined : made;
    if (made instanceof Promise) made.catch(() => undefined); // reported by beforeAll instead
    let ctx: Ctx | undefined;

    beforeAll(async () => {
      const provider = await made;
      ctx = { provider, kernel: await provider.start() };
    });
    afterAll(async () => {
      if (ctx) await ctx.provider.shutdown(ctx.kernel.remoteId).catch(() => undefined);
    });

    for (const caseName of CONTRACT_CASES) {
      const title = TITLES[caseName];
      const forced = options.runDespiteCapabilities?.[caseName];
      const reason = options.skip?.[caseName] ?? (!forced && known && capabilitySkip(caseName, known));
      if (reason) {
        it.skip(`${title} — skipped: ${reason}`, () => undefined);
        continue;
      }
      it(title, async (test) => {
        if (!ctx) throw new Error("the contract's kernel did not start");
        const late = !forced && capabilitySkip(caseName, ctx.provider);
        if (late) test.skip(late);
        await CASES[caseName](ctx);
      });
    }
  });
}

/** The reason a case does not apply to a provider with these capabilities (or methods), if it does not. */
function capabilitySkip(caseName: CaseName, provider: KernelProvider): string | undefined {
  const caps = provider.capabilities;
  if (caseName === "files" || caseName === "streamed-write") return fileCaseSkip(caseName, provider);
  if (caseName === "streaming" && !caps.streaming) return "capability streaming=false: output arrives at the end";
  if (caseName === "plot" && !caps.plots) return "capability plots=false: plots are not captured";
  if (caseName === "interrupt" && caps.interrupt !== "reliable") {
    return `capability interrupt=${caps.interrupt}: running code is not reliably stopped`;
  }
  return undefined;
}

const TITLES: Record<CaseName, string> = {
  start: "start gives a runtime description and an idle kernel",
  execute: "1+1 prints [1] 2 and nothing else",
  streaming: "stdout of successive slow expressions arrives while the cell runs",
  stderr: "message() output is reported (as a message or on stderr)",
  warning: "a warning is reported without stopping the code",
  error: "an error is an error event that ends the cell; the kernel stays usable",
  plot: "plot(cars) gives one PNG image",
  interrupt: "interrupt stops an endless loop within seconds; the kernel stays usable",
  concurrency: "a second execute while busy fails with BUSY or waits its turn",
  ...FILE_CASE_TITLES,
  restart: "restart clears the workspace",
  shutdown: "a shut-down kernel is NOT_FOUND",
  "unknown-id": "unknown kernel ids are NOT_FOUND",
};

const CASES: Record<CaseName, (ctx: Ctx) => Promise<void>> = {
  async start({ provider, kernel }) {
    expect(kernel.remoteId).not.toBe("");
    expect(kernel.runtime.trim()).not.toBe("");
    expect(await provider.status(kernel.remoteId)).toBe("idle");
    const specs = await provider.listSpecs();
    expect(specs.length).toBeGreaterThan(0);
  },

  async execute(ctx) {
    const events = await run(ctx, "1+1");
    expect(textOf(events)).toContain("[1] 2");
    expect(events.filter((e) => e.type === "error" || e.type === "display_data")).toEqual([]);
  },

  async streaming(ctx) {
    // One top-level expression per line: IRkernel sends output as each top-level expression ends
    // (webR streams even within one loop; its own tests check that).
    const code = [1, 2, 3, 4, 5].map((i) => `cat("tick", ${i}, "\\n"); Sys.sleep(0.3)`).join("\n");
    const timed = await runTimed(ctx, code);
    const stdout = timed.filter((t) => t.event.type === "stream" && t.event.name === "stdout");
    expect(stdoutOf(timed.map((t) => t.event))).toBe(["1", "2", "3", "4", "5"].map((i) => `tick ${i} \n`).join(""));
    const first = stdout.find((t) => textOf([t.event]).includes("tick 1"));
    const last = stdout.find((t) => textOf([t.event]).includes("tick 5"));
    // 4 sleeps of 0.3 s separate the first line from the last: streamed, they arrive > 0.8 s apart.
    expect(defined(last, "tick 5").at - defined(first, "tick 1").at).toBeGreaterThan(800);
  },

  async stderr(ctx) {
    // message() is R's way to talk to the user outside stdout; IRkernel sends it on stderr, webR as a message.
    const events = await run(ctx, 'message("note to self")\ncat("on stdout\\n")');
    const messages = events.filter((e) => e.type === "message" || (e.type === "stream" && e.name === "stderr"));
    expect(textOf(messages)).toContain("note to self");
    expect(stdoutOf(events)).toContain("on stdout");
    expect(events.some((e) => e.type === "error")).toBe(false);
  },

  async warning(ctx) {
    const events = await run(ctx, 'warning("careful now"); cat("still running\\n")');
    const warnings = events.filter((e) => e.type === "warning" || (e.type === "stream" && e.name === "stderr"));
    expect(textOf(warnings)).toContain("careful now");
    expect(stdoutOf(events)).toContain("still running");
    expect(events.some((e) => e.type === "error")).toBe(false);
  },

  async error(ctx) {
    // Separate lines: IRkernel still runs the rest of the line an error happened on.
    const events = await run(ctx, 'cat("before\\n")\nstop("boom")\ncat("after\\n")');
    const errors = events.filter((e) => e.type === "error");
    expect(errors).toHaveLength(1);
    expect(errors[0]?.type === "error" && errors[0].evalue).toContain("boom");
    expect(stdoutOf(events)).toContain("before");
    expect(stdoutOf(events)).not.toContain("after");
    expect(textOf(await run(ctx, "1+1"))).toContain("[1] 2");
  },

  async plot(ctx) {
    const events = await run(ctx, "plot(cars)");
    const images = events.filter((e) => e.type === "display_data" && e.data["image/png"] !== undefined);
    expect(images).toHaveLength(1);
    const png = Buffer.from(images[0]?.type === "display_data" ? (images[0].data["image/png"] ?? "") : "", "base64");
    expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    expect(png.length).toBeGreaterThan(1000);
    expect(events.some((e) => e.type === "error")).toBe(false);
  },

  async interrupt(ctx) {
    const { provider, kernel } = ctx;
    const stream = provider.execute(kernel.remoteId, { code: 'cat("looping\\n"); while (TRUE) {}' });
    let interruptedAt: number | undefined;
    const trigger = provider.capabilities.streaming ? undefined : setTimeout(() => void interrupt(), 1000);
    async function interrupt() {
      interruptedAt = Date.now();
      await provider.interrupt(kernel.remoteId);
    }
    for await (const event of stream) {
      if (interruptedAt === undefined && stdoutOf([event]).includes("looping")) await interrupt();
    }
    clearTimeout(trigger);
    expect(interruptedAt, "the loop never started").toBeDefined();
    expect(Date.now() - (interruptedAt ?? 0)).toBeLessThan(5000);
    expect(textOf(await run(ctx, "1+1"))).toContain("[1] 2");
  },

  async concurrency(ctx) {
    const { provider, kernel } = ctx;
    const first = run(ctx, 'Sys.sleep(1); cat("first done\\n")');
    await sleep(200);
    expect(await provider.status(kernel.remoteId)).toBe("busy");
    const second = await run(ctx, 'cat("second done\\n")').then(
      (events) => ({ events }),
      (error: unknown) => ({ error }),
    );
    if ("error" in second) expectCode(second.error, "BUSY");
    else expect(stdoutOf(second.events)).toContain("second done");
    expect(stdoutOf(await first)).toContain("first done");
    expect(await provider.status(kernel.remoteId)).toBe("idle");
  },

  files: (ctx) => FILE_CASES.files(fileCaseContext(ctx)),
  "streamed-write": (ctx) => FILE_CASES["streamed-write"](fileCaseContext(ctx)),
  async restart(ctx) {
    const { provider, kernel } = ctx;
    await run(ctx, "contract_marker <- 42");
    expect(textOf(await run(ctx, 'exists("contract_marker")'))).toContain("TRUE");
    await provider.restart(kernel.remoteId);
    expect(await provider.status(kernel.remoteId)).toBe("idle");
    expect(textOf(await run(ctx, 'exists("contract_marker")'))).toContain("FALSE");
  },

  async shutdown({ provider }) {
    const { remoteId } = await provider.start();
    await provider.shutdown(remoteId);
    await expectKernelError(provider.status(remoteId), "NOT_FOUND");
    await expectKernelError(collect(provider, remoteId, "1+1"), "NOT_FOUND");
    await expectKernelError(provider.shutdown(remoteId), "NOT_FOUND");
  },

  async "unknown-id"({ provider }) {
    const id = "no-such-kernel";
    await expectKernelError(provider.shutdown(id), "NOT_FOUND");
    await expectKernelError(provider.status(id), "NOT_FOUND");
    await expectKernelError(provider.interrupt(id), "NOT_FOUND");
    await expectKernelError(provider.restart(id), "NOT_FOUND");
    await expectKernelError(collect(provider, id, "1+1"), "NOT_FOUND");
  },
};

function fileCaseContext(ctx: Ctx): FileCaseContext {
  return { provider: ctx.provider, remoteId: ctx.kernel.remoteId, stdout: async (code) => stdoutOf(await run(ctx, code)) };
}

/** Runs code on the shared kernel and returns everything it produced. */
function run(ctx: Ctx, code: string): Promise<ExecEvent[]> {
  return collect(ctx.provider, ctx.kernel.remoteId, code);
}

async function collect(provider: KernelProvider, remoteId: string, code: string): Promise<ExecEvent[]> {
  return (await collectTimed(provider, remoteId, code)).map((t) => t.event);
}

function runTimed(ctx: Ctx, code: string): Promise<Timed[]> {
  return collectTimed(ctx.provider, ctx.kernel.remoteId, code);
}

async function collectTimed(provider: KernelProvider, remoteId: string, code: string): Promise<Timed[]> {
  const timed: Timed[] = [];
  for await (const event of provider.execute(remoteId, { code })) timed.push({ event, at: Date.now() });
  return timed;
}

/** All text a person would read: streams, warnings, messages, results (text/plain), errors. */
function textOf(events: ExecEvent[]): string {
  return events.map(eventText).join("");
}

function eventText(event: ExecEvent): string {
  switch (event.type) {
    case "stream":
    case "warning":
    case "message":
      return event.text;
    case "execute_result":
    case "display_data":
      return event.data["text/plain"] ?? "";
    case "error":
      return `${event.evalue}\n`;
    case "input_request":
      return event.prompt;
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
}

function stdoutOf(events: ExecEvent[]): string {
  return textOf(events.filter((e) => e.type === "stream" && e.name === "stdout"));
}

async function expectKernelError(promise: Promise<unknown>, code: KernelErrorCode): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expectCode(error, code);
}

function expectCode(error: unknown, code: KernelErrorCode): void {
  expect(error).toBeInstanceOf(KernelError);
  expect((error as KernelError).code).toBe(code);
}

function defined<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`expected ${what}`);
  return value;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
