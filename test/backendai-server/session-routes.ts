// Why: the session REST handlers of manager 24.09 (spec §4): create, info, restart, interrupt,
// destroy, with v4 /kernel shapes where they differ.
import { z } from "zod";
import type { Faults } from "./faults";
import type { Ctx, Reply } from "./http-types";
import { registryOf, resolveImage } from "./images";
import { checkParams, rawParams, ZLooseBool } from "./params";
import { ProblemError } from "./problems";
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
    config: z.record(z.string(), z.unknown()).default({}),
  })
  .transform((p) => ({ ...p, name: p.name ?? p.session_name ?? p.clientSessionToken, image: p.image ?? p.lang }))
  .refine((p) => p.name !== undefined && NAME.test(p.name) && p.name !== "from-template", { path: ["name"], message: "invalid session name" })
  .refine((p) => p.image !== undefined && p.image.length > 0, { path: ["image"], message: "required" });

export type SessionDeps = { store: SessionStore; faults: Faults };

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
  const lang = resolveImage(image);
  if (!lang)
    throw new ProblemError("object-not-found", { title: "No such environment image.", msg: `Unknown image references: alias:'${image}'` });
  const holdPending = deps.faults.refuseCreation === "concurrency-limit";
  const s = deps.store.add({ name, image, lang, ownerAccessKey: ctx.keypair.accessKey, holdPending });
  if (p.enqueueOnly) return { status: 201, body: { ...created(ctx, s, true).body as object, status: "PENDING", servicePorts: [] } };
  if (holdPending && p.maxWaitSeconds === 0) return created(ctx, s, true);
  const timedOut = await waitStarted(s, p.maxWaitSeconds);
  const reply = created(ctx, s, true);
  if (timedOut) return { status: 201, body: { ...(reply.body as object), status: "TIMEOUT", servicePorts: [] } };
  return reply;
}

const pyStr = (o: Record<string, string>) => `{${Object.entries(o).map(([k, v]) => `'${k}': '${v}'`).join(", ")}}`;

export async function getInfo(ctx: Ctx, deps: SessionDeps): Promise<Reply> {
  const s = deps.store.find(ctx.params.id, ctx.keypair.accessKey);
  const slots = pyStr({ cpu: "1", mem: "2147483648" });
  return {
    status: 200,
    body: {
      domainName: "default", groupId: "2de2b969-1d04-48a6-af16-0bc8adb3c831", userId: "f38dea23-50fa-42a0-b5ae-338f5f4693f4",
      lang: s.image, image: s.image, architecture: "x86_64", registry: registryOf(s.image), tag: null,
      containerId: s.id.replace(/-/g, "").slice(0, 12), occupiedSlots: slots, occupyingSlots: slots, requestedSlots: slots,
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
    await deps.store.terminate(s, "user-requested");
    return { status: 200, body: { stats: {} } };
  }
  const busy = ["SCHEDULED", "PREPARING", "TERMINATING", "ERROR", "PULLING"].includes(s.status);
  if (busy && !p.forced) throw new ProblemError("generic-forbidden", { msg: `Cannot destroy sessions in ${s.status} status` });
  await deps.store.terminate(s, p.forced ? "force-terminated" : "user-requested");
  const stats = { cpu_util: { current: "0.5", capacity: "100", pct: "0.5" }, version: 2, status: "terminated" };
  return { status: 200, body: { stats } };
}

export async function completeCode(ctx: Ctx, deps: SessionDeps): Promise<Reply> {
  deps.store.find(ctx.params.id, ctx.keypair.accessKey);
  return { status: 200, body: { result: { status: "finished", completions: [] } } };
}
