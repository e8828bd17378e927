// Why: §1.2–1.4 login, refresh and revoke (the three operations callable without a bearer token).
import { z } from "zod";
import { empty, json } from "../http";
import { parseJson, type Handler } from "./context";

const ZLogin = z.object({ username: z.string(), password: z.string() });
const ZRenew = z.object({ refreshToken: z.string() });

export const authRoutes: Record<string, Handler> = {
  login: async (ctx, deps) => {
    const body = parseJson(ZLogin.partial(), ctx.json);
    return json(200, deps.tokens.login(body.username, body.password));
  },
  renewToken: async (ctx, deps) => {
    const body = parseJson(ZRenew.partial(), ctx.json);
    return json(200, deps.tokens.refresh(body.refreshToken));
  },
  // §1.4: documented as a bare "HTTP 200"; the swagger's AccessTokenResponse body is not sent.
  revokeRefreshToken: async (ctx, deps) => {
    deps.tokens.revoke(ctx.query.get("refreshToken") ?? undefined);
    return empty(200);
  },
};
