// Why: what every route handler receives (the caller, parameters, parsed body) and shares (the
// stores and faults), plus zod parsing of request bodies at the boundary.
import type { z } from "zod";
import type { TokenStore } from "../auth";
import { MlApiError } from "../errors";
import type { Faults } from "../faults";
import type { Part, Reply } from "../http";
import type { ServiceStore } from "../services";
import type { SessionStore } from "../sessions";
import type { SnapshotStore } from "../snapshots";

export type Ctx = {
  /** The authenticated user ("" on the open login operations). */
  user: string;
  params: Record<string, string>;
  query: URLSearchParams;
  json: unknown;
  raw: Buffer;
  parts: Part[] | undefined;
};

export type Deps = {
  tokens: TokenStore;
  sessions: SessionStore;
  snapshots: SnapshotStore;
  services: ServiceStore;
  faults: Faults;
  /** Scratch space for service runs. */
  root: string;
  url: () => string;
};

export type Handler = (ctx: Ctx, deps: Deps) => Promise<Reply>;

/** Parses a JSON body with zod; a failure answers 400 naming the fields (the spec's "400 - Bad Request"). */
export function parseJson<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const r = schema.safeParse(value ?? undefined);
  if (r.success) return r.data;
  const fields = [...new Set(r.error.issues.map((i) => i.path.join(".") || "(body)"))].join(", ");
  throw new MlApiError("BAD_REQUEST", `The request body is invalid: ${fields}.`, { fields, cause: r.error });
}
