// The one tRPC endpoint: queries, mutations and SSE subscriptions.
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "@/server/api/root";
import { requestAddress } from "@/server/auth/request-address";
import { getSessionUser } from "@/server/auth/session";
import { isDomainError } from "@/server/errors";

export const dynamic = "force-dynamic";

function handler(req: Request) {
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: async () => ({ user: await getSessionUser(), ip: requestAddress(req.headers) }),
    onError: ({ error, path }) => {
      if (error.code === "INTERNAL_SERVER_ERROR" && !isDomainError(error.cause)) console.error(`[trpc] ${path ?? "?"}:`, error.cause ?? error);
    },
  });
}

export { handler as GET, handler as POST };
