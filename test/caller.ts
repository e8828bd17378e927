// A tRPC caller acting as a user (or anonymous): the same procedures and checks the browser goes through.
import { createCaller } from "@/server/api/root";

export function callerFor(user: { id: string; email: string; role: "USER" | "ADMIN" } | null) {
  return createCaller({ user: user ? { ...user, name: null, sessionId: null } : null, ip: null });
}
