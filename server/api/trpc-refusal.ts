// Refusals of the tRPC endpoint made before tRPC runs (forged origin, wrong content type, too large,
// too many calls), written in tRPC's own error shape so that the browser client shows the sentence.
import { TRPC_ERROR_CODES_BY_KEY, type TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";
import superjson from "superjson";
import type { Refusal } from "@/server/security/guard-route";
import { MAX_BATCH_CALLS, procedurePaths } from "./trpc-limits";

const KEYS = { 403: "FORBIDDEN", 413: "PAYLOAD_TOO_LARGE", 415: "UNSUPPORTED_MEDIA_TYPE" } as const satisfies Record<Refusal["status"], TRPC_ERROR_CODE_KEY>;

export function trpcRefusal(r: Refusal): Response {
  const key = KEYS[r.status];
  const isBatch = new URL(r.req.url).searchParams.get("batch") === "1";
  const paths = procedurePaths(r.req);
  const one = (path: string | undefined) => ({
    error: superjson.serialize({
      message: r.message, code: TRPC_ERROR_CODES_BY_KEY[key],
      data: { code: key, httpStatus: r.status, path, domainCode: null, fieldErrors: null },
    }),
  });
  // A batch answers once per call; a batch over the cap gets one answer, not thousands.
  const body = isBatch ? paths.slice(0, MAX_BATCH_CALLS).map(one) : one(paths[0]);
  return Response.json(body, { status: r.status, headers: { "cache-control": "no-store" } });
}
