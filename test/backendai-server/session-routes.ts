// Why: the session REST handlers of manager 24.09 (spec §4): create (with config.resources checked
// against the image), info, restart, interrupt, destroy, complete (§5.5), with v4 /kernel shapes.
import { z } from "zod";
import type { Faults } from "./faults";
import type { Ctx, Reply } from "./http-types";
import { canonical, resolveImage } from "./images";
import { checkParams, jsonBody, rawParams, ZLooseBool } from "./params";
import { agentTimeout, ProblemError } from "./problems";
import { checkResources, knownSlots, pyStr } from "./resources";
import { isActive, type Session, type SessionStore } from "./sessions";

const NAME = /^(?=.{4,64}$)[A-Za-z0-9_][A-Za-z0-9_.-]*[A-Za-z0-9_]$/;
const SERVICE_PORTS = [
  { name: "ipython", protocol: "pty", ports: [3000] },
  { name: "jupyter", protocol: "http", ports: [8080] },
  { name: "jupyterlab", protocol: "http", ports: [8090] },
];

const ZCreate = z
  .object({
    name: z.string().optional(), session_name: z.string().optional(), clientSessionToken: z.string().optional(),
    image: z.string().optional(), lang: z.string().optional(),
    enqueueOnly: ZLooseBool.default(false),
    maxWaitSeconds: z.coerce.number().int().min(0).default(0),
    reuseIfExists: ZLooseBool.default(true),
    config: z.object({ resources: z.record(z.string(), z.union([z.string(), z.number()])).nullish() }).passthrough().default({}),
  })
  .transform((p) => ({ ...p, name: p.name ?? p.session_name ?? p.clientSessionToken, image: p.image ?? p.lang }))
  .refine((p) => p.name !== undefined && NAME.test(p.name) && p.name !== "from-template", { path: ["name"], message: "invalid session name" })
  .refine((p) => p.image !== undefined && p.image.length > 0, { path: ["image"], message: "required" });

export type SessionDeps = { store: SessionStore; faults: Faults; gpu: boolean };

function created(ctx: Ctx, s: Session, isNew: boolean): Reply {
  const ports = s.status === "RUNNING" ? SERVICE_PORTS : [];
  const head = ctx.apiMajor <= 4 ? { kernelId: s.name } : { sessionId: s.id, sessionName: s.name };
  if (isNew) return { status: 201, body: { ...head, status: s.status, servicePorts: ports, created: true } };
  const raw = ports.map((p) => ({ name: p.name, protocol: p.protocol, container_ports: p.ports, host_ports: p.ports.map((n) => n + 27000) }));
  return { status: ctx.apiMajor <= 4 ? 200 : 201, body: { ...head, status: s.status, service_ports: raw, created: false } };
}

/** Waits for the session to start; true when maxWaitSeconds ran out first. */
async function waitStarted(s: Session, maxWaitSeconds: number): Promise<boolean> {
  if (maxWaitSeconds === 0) return s.started.then(() => false, () => false);
  let timer: NodeJS.Timeout | undefined;
  const timedOut = await Promise.race([
    s.started.then(() => false, () => false),
    new Promise<boolean>((r) => (timer = setTimeout(() => r(true), maxWaitSeconds * 1000))),
  ]);
  clearTimeout(timer);
  return timedOut;
}

export async function createSession(ctx: Ctx, deps: SessionDeps): Promise<Reply> {
  const p = checkParams(ZCreate, rawParams(ctx));
  const name = p.name ?? "";
  const image = p.image ?? "";
  if (deps.faults.refuseCreation === "quota-exceeded")
    throw new ProblemError("quota-exceeded", { msg: "You have reached your resource limit (test fault)." });
  const existing = [...deps.store.all.values()].find((s) => isActive(s) && s.name === name && s.ownerAccessKey === ctx.keypair.accessKey);
  if (existing) {
    if (existing.image === image && p.reuseIfExists) return created(ctx, existing, false);
    throw new ProblemError("session-already-exists", { data: { existingSessionId: existing.id } });
  }
  const imageDef = resolveImage(image, { gpu: deps.gpu });
  if (!imageDef)
    throw new ProblemError("object-not-found", { title: "No such environment image.", msg: `Unknown image references: alias:'${image}'` });
  const slots = checkResources(imageDef, p.config.resources ?? {}, knownSlots({ gpu: deps.gpu }));
  const holdPending = deps.faults.refuseCreation === "concurrency-limit";
  const s = deps.store.add({ name, image, imageDef, slots, ownerAccessKey: ctx.keypair.accessKey, holdPending });
  if (p.enqueueOnly) return { status: 201, body: { ...created(ctx, s, true).body as object, status: "PENDING", servicePorts: [] } };
  if (holdPending && p.maxWaitSeconds === 0) return created(ctx, s, true);
  const timedOut = await waitStarted(s, p.maxWaitSeconds);
  const reply = created(ctx, s, true);
  if (timedOut) return { status: 201, body: { ...(reply.body as object), status: "TIMEOUT", servicePorts: [] } };
  return reply;
}

export async function getInfo(ctx: Ctx, deps: SessionDeps): Promise<Reply> {
  const s = deps.store.find(ctx.params.id, ctx.keypair.accessKey);
  // Occupied slots only while the session holds an agent (PENDING sessions occupy nothing).
  const slots = pyStr(s.slots);
  const occupied = ["PENDING", "CANCELLED", "TERMINATED"].includes(s.status) ? "{}" : slots;
  return {
    status: 200,
    body: {
      domainName: "default", groupId: "2de2b969-1d04-48a6-af16-0bc8adb3c831", userId: "f38dea23-50fa-42a0-b5ae-338f5f4693f4",
      lang: canonical(s.imageDef), image: canonical(s.imageDef), architecture: s.imageDef.architecture, registry: s.imageDef.registry, tag: null,
      containerId: s.id.replace(/-/g, "").slice(0, 12), occupiedSlots: occupied, occupyingSlots: occupied, requestedSlots: slots,
      occupiedShares: "{}", environ: "{}", resourceOpts: "{}",
      status: s.status, statusInfo: s.statusInfo ?? "None", statusData: s.statusData,
      age: Date.now() - s.createdAt.getTime(), creationTime: s.createdAt.toISOString(), terminationTime: s.terminatedAt?.toISOString() ?? null,
      numQueriesExecuted: s.numQueriesExecuted, lastStat: {}, idleChecks: {},
    },
  };
}

export async function restartSession(ctx: Ctx, deps: SessionDeps): Promise<Reply> {
  const s = deps.store.find(ctx.params.id, ctx.keypair.accessKey);
  await deps.store.restart(s);
  return { status: 204 };
}

export async function interruptSession(ctx: Ctx, deps: SessionDeps): Promise<Reply> {
  const s = deps.store.find(ctx.params.id, ctx.keypair.accessKey);
  s.kernel?.interrupt();
  return { status: 204 };
}

const ZDestroy = z.object({ forced: ZLooseBool.default(false) });

export async function destroySession(ctx: Ctx, deps: SessionDeps): Promise<Reply> {
  const p = checkParams(ZDestroy, Object.fromEntries(ctx.query.entries()));
  const s = deps.store.find(ctx.params.id, ctx.keypair.accessKey);
  if (s.status === "PENDING") {
    await deps.store.terminate(s, { reason: "user-requested" });
    return { status: 200, body: { stats: {} } };
  }
  const busy = ["SCHEDULED", "PREPARING", "TERMINATING", "ERROR", "PULLING"].includes(s.status);
  if (busy && !p.forced) throw new ProblemError("generic-forbidden", { msg: `Cannot destroy sessions in ${s.status} status` });
  await deps.store.terminate(s, { reason: p.forced ? "force-terminated" : "user-requested" });
  const stats = { cpu_util: { current: "0.5", capacity: "100", pct: "0.5" }, version: 2, status: "terminated" };
  return { status: 200, body: { stats } };
}

const ZComplete = z.object({
  code: z.string().nullish(),
  options: z.object({ row: z.number().int().nullish(), col: z.number().int().nullish(), line: z.string().nullish() }).passthrough().nullish(),
});
/** The manager's agent call for completion gives up after 10 s (BA24 registry.get_completions). */
const COMPLETE_LIMIT_MS = 10_000;

/**
 * Completion (spec §5.5): the runtime's matches for the current line at `col`, wrapped as
 * {status, completions}. A busy kernel or the completeTimeout fault gives the agent timeout.
 */
export async function completeCode(ctx: Ctx, deps: SessionDeps): Promise<Reply> {
  const s = deps.store.find(ctx.params.id, ctx.keypair.accessKey);
  const p = checkParams(ZComplete, jsonBody(ctx));
  if (deps.faults.completeTimeout) throw agentTimeout();
  const code = p.code ?? "";
  const line = p.options?.line ?? code.split("\n").at(-1) ?? "";
  const col = p.options?.col ?? line.length;
  if (!s.kernel) return { status: 200, body: { result: { status: "finished", completions: [] } } };
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(agentTimeout()), COMPLETE_LIMIT_MS)));
  const kernel = s.kernel;
  let gaveUp = false;
  const waitIdle = async () => {
    while (kernel.busy && !kernel.exited && !gaveUp) await (s.current && !s.current.finished ? s.current.whenFinished() : new Promise((r) => setTimeout(r, 20)));
    return kernel.complete(line, col).catch(() => [] as string[]);
  };
  try {
    const completions = await Promise.race([waitIdle(), limit]);
    return { status: 200, body: { result: { status: "finished", completions } } };
  } finally {
    gaveUp = true;
    clearTimeout(timer);
  }
}

/** `GET /config/resource-slots` (spec §10): the slot types the cluster knows. */
export async function resourceSlots(_ctx: Ctx, deps: SessionDeps): Promise<Reply> {
  return { status: 200, body: knownSlots({ gpu: deps.gpu }) };
}
