// ML Server web services from a notebook: publish chosen code with typed inputs and outputs as
// name/version, list them, read one's swagger, call it with JSON inputs, delete it.
import "server-only";
import type { Db } from "@/server/db";
import type { PublishServiceInput } from "@/server/contracts/mlserver";
import { mlServerFor } from "./ml-server-for";
import { assertOwned, forgetObject, ownedRefs, recordObject, serviceRef } from "./owned-objects";

export async function publishService(db: Db, args: { userId: string } & PublishServiceInput) {
  const { services, shared } = await mlServerFor(db, args.userId);
  if (args.snapshotId) await assertOwned(db, { userId: args.userId, kind: "snapshot", ref: args.snapshotId, shared });
  const published = await services.publish({
    name: args.name, version: args.version, code: args.code, description: args.description, snapshotId: args.snapshotId ?? undefined,
    inputs: Object.fromEntries(args.inputs.map((p) => [p.name, p.type])), outputs: Object.fromEntries(args.outputs.map((p) => [p.name, p.type])),
    signal: AbortSignal.timeout(300_000),
  });
  await recordObject(db, { userId: args.userId, kind: "service", ref: serviceRef(args.name, args.version) });
  return published;
}

export async function listServices(db: Db, args: { userId: string }) {
  const { services, shared } = await mlServerFor(db, args.userId);
  const all = await services.list({ signal: AbortSignal.timeout(30_000) });
  const mine = shared ? await ownedRefs(db, { userId: args.userId, kind: "service" }) : null;
  return all.filter((s) => !mine || mine.has(serviceRef(s.name, s.version)));
}

export async function serviceSwagger(db: Db, args: { userId: string; name: string; version: string }) {
  const { services, shared } = await mlServerFor(db, args.userId);
  await assertOwned(db, { userId: args.userId, kind: "service", ref: serviceRef(args.name, args.version), shared });
  return services.swagger(args.name, args.version, { signal: AbortSignal.timeout(30_000) });
}

export async function callService(db: Db, args: { userId: string; name: string; version: string; inputs: Record<string, unknown> }) {
  const { services, shared } = await mlServerFor(db, args.userId);
  await assertOwned(db, { userId: args.userId, kind: "service", ref: serviceRef(args.name, args.version), shared });
  return services.consume(args.name, args.version, args.inputs, { timeoutMs: 300_000 });
}

export async function deleteService(db: Db, args: { userId: string; name: string; version: string }) {
  const { services, shared } = await mlServerFor(db, args.userId);
  const ref = serviceRef(args.name, args.version);
  await assertOwned(db, { userId: args.userId, kind: "service", ref, shared });
  await services.delete(args.name, args.version, { signal: AbortSignal.timeout(30_000) });
  await forgetObject(db, { kind: "service", ref });
}
