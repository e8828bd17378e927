// Why: the manager's check_api_params (spec §3.2): body JSON for non-GET requests with a body,
// the query string otherwise; failures are 400 invalid-api-params.
import { z } from "zod";
import type { Ctx } from "./http-types";
import { ProblemError } from "./problems";

export function rawParams(ctx: Ctx): Record<string, unknown> {
  if (ctx.method !== "GET" && ctx.method !== "HEAD" && ctx.body.length > 0) return jsonBody(ctx);
  return Object.fromEntries(ctx.query.entries());
}

export function jsonBody(ctx: Ctx): Record<string, unknown> {
  if (ctx.body.length === 0) return {};
  let value: unknown;
  try {
    value = JSON.parse(ctx.body.toString("utf8"));
  } catch (cause) {
    throw new ProblemError("invalid-api-params", { msg: "Malformed body" });
  }
  if (value === null || typeof value !== "object" || Array.isArray(value))
    throw new ProblemError("invalid-api-params", { msg: "Malformed body" });
  return value as Record<string, unknown>;
}

export function checkParams<T extends z.ZodType>(schema: T, raw: unknown): z.infer<T> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const data = Object.fromEntries(parsed.error.issues.map((i) => [i.path.join(".") || "_", i.message]));
  throw new ProblemError("invalid-api-params", { msg: "Input validation error", data });
}

/** Booleans the manager accepts as strings too ("true", "1", "yes"). */
export const ZLooseBool = z.union([z.boolean(), z.string().transform((s) => ["true", "1", "yes", "on"].includes(s.toLowerCase()))]);
