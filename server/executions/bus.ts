// This process's event bus, listening on the app's database.
import "server-only";
import { env } from "@/server/env";
import { EventBus } from "./event-bus";

declare global {
  var __kbEventBus: EventBus | undefined;
}

export const bus: EventBus = (globalThis.__kbEventBus ??= new EventBus(env.DATABASE_URL));
