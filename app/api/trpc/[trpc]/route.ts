// The one tRPC endpoint: queries, mutations and SSE subscriptions.
import { handleTrpcRequest } from "@/server/api/trpc-http";
import { trpcBodyLimit } from "@/server/api/trpc-limits";
import { trpcRefusal } from "@/server/api/trpc-refusal";
import { requestAddress } from "@/server/auth/request-address";
import { getSessionUser } from "@/server/auth/session";
import { guardRoute } from "@/server/security/guard-route";

export const dynamic = "force-dynamic";

function handler(req: Request): Promise<Response> {
  return handleTrpcRequest(req, { createContext: async () => ({ user: await getSessionUser(), ip: requestAddress(req.headers) }) });
}

// Only JSON: the browser client never sends anything else, and form types can be sent cross-site
// by a plain HTML form.
const guarded = guardRoute(handler, { maxBodyBytes: trpcBodyLimit, contentTypes: ["application/json"], refusal: trpcRefusal });
export { guarded as GET, guarded as POST };
