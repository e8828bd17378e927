// The manager's GraphQL API (spec §4.3): /admin/gql from v6.20210815 (answers {data, errors}),
// /admin/graphql before it (bare data; errors as a 400 graphql-error problem, BA24 api/admin.py).
import { z } from "zod";
import { KernelError } from "@/server/errors";
import { ZGqlResult } from "./schemas";
import type { BackendAITransport } from "./transport";

export type GraphQLRequest<T> = {
  query: string;
  variables?: Record<string, unknown>;
  /** The shape of `data`. */
  schema: z.ZodType<T>;
  /** Completes "Backend.AI failed to …" in messages. */
  what: string;
  signal?: AbortSignal;
};

/** True for API versions that have /admin/gql (v6.20210815 and later, spec §1.1). */
export function hasGqlEndpoint(apiVersion: string): boolean {
  const m = /^v(\d+)\.(\d{8})$/.exec(apiVersion);
  if (!m) return true;
  const major = Number(m[1]);
  return major > 6 || (major === 6 && (m[2] ?? "") >= "20210815");
}

function parseData<T>(transport: BackendAITransport, data: unknown, request: GraphQLRequest<T>): T {
  const parsed = request.schema.safeParse(data);
  if (parsed.success) return parsed.data;
  throw new KernelError("UNAVAILABLE", `Backend.AI at ${transport.where} gave an unexpected answer to the request to ${request.what}.`, { cause: parsed.error });
}

export async function queryGraphQL<T>(transport: BackendAITransport, request: GraphQLRequest<T>): Promise<T> {
  const json = { query: request.query, variables: request.variables ?? {} };
  const exchange = { method: "POST" as const, json, what: request.what, signal: request.signal };
  if (!hasGqlEndpoint(transport.knownVersion() ?? await transport.apiVersion(request.signal))) {
    return parseData(transport, await transport.sendParsed({ ...exchange, path: "/admin/graphql" }, z.unknown()), request);
  }
  const result = await transport.sendParsed({ ...exchange, path: "/admin/gql" }, ZGqlResult);
  if (result.errors?.length) {
    const messages = result.errors.map((e) => e.message).join("; ");
    throw new KernelError("UNAVAILABLE", `Backend.AI refused the query to ${request.what}: ${messages}`, { cause: new Error(JSON.stringify(result.errors)) });
  }
  return parseData(transport, result.data, request);
}
