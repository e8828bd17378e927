// The tRPC endpoint over HTTP (fetch Request in, Response out), apart from the route file so that
// tests can give it their own context: batch cap, then tRPC; causes of unexpected errors are logged.
import "server-only";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { isDomainError } from "@/server/errors";
import { appRouter } from "./root";
import type { Context } from "./trpc";
import { trpcRefusal } from "./trpc-refusal";
import { MAX_BATCH_CALLS, TOO_MANY_CALLS, tooManyCalls } from "./trpc-limits";

export async function handleTrpcRequest(req: Request, o: { createContext: () => Promise<Context> }): Promise<Response> {
  if (tooManyCalls(req)) return trpcRefusal({ req, status: 413, message: TOO_MANY_CALLS });
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    maxBatchSize: MAX_BATCH_CALLS,
    createContext: o.createContext,
    onError: ({ error, path }) => {
      // The user got one sentence (errorFormatter); the log keeps what really happened.
      if (error.code === "INTERNAL_SERVER_ERROR" && !isDomainError(error.cause)) console.error(`[trpc] ${path ?? "?"}:`, error.cause ?? error);
    },
  });
}
