// The ML Server a user acts on (their own login, else the shared service login) with its
// snapshots and web services, and whether it is shared: then each user only sees what they made.
import "server-only";
import type { Db } from "@/server/db";
import { providerForUser } from "@/server/kernels/provider-for-user";
import { isServiceInstance, mlServerTools } from "@/server/kernels/registry";

export async function mlServerFor(db: Db, userId: string) {
  const provider = await providerForUser(db, { userId, provider: "mlserver" });
  return { ...mlServerTools(provider), shared: isServiceInstance("mlserver", provider) };
}
