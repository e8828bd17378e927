// Names this app process, so kernel sessions record which instance holds their live connection.
import "server-only";
import { hostname } from "node:os";
import { env } from "@/server/env";

export const instanceId: string = env.KB_INSTANCE_ID ?? `${hostname()}:${process.env.PORT ?? "3000"}`;
