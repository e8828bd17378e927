// The kernels a notebook can choose: every configured provider's specs (as the asking user sees
// them: their own keypair decides which images Backend.AI offers), asked with a short timeout;
// a provider that cannot answer is listed as unavailable with the reason.
import "server-only";
import type { Db } from "@/server/db";
import type { KernelSpec, ProviderId } from "./types";
import { providerForUser } from "./provider-for-user";
import { configuredProviderIds } from "./registry";
import { describeFailure, rejectOnAbort } from "./reject-on-abort";

export type ProviderSpecs =
  | { provider: ProviderId; available: true; specs: KernelSpec[] }
  | { provider: ProviderId; available: false; reason: string };

const TIMEOUT_MS = 5_000;

export async function listKernelSpecs(db: Db, options: { userId: string; only?: ProviderId; timeoutMs?: number }): Promise<ProviderSpecs[]> {
  const ids = configuredProviderIds().filter((id) => !options.only || id === options.only);
  return Promise.all(ids.map((id) => specsOf(db, { userId: options.userId, provider: id }, options.timeoutMs ?? TIMEOUT_MS)));
}

async function specsOf(db: Db, args: { userId: string; provider: ProviderId }, timeoutMs: number): Promise<ProviderSpecs> {
  const { provider } = args;
  const signal = AbortSignal.timeout(timeoutMs);
  const slow = `It did not answer within ${timeoutMs / 1000} s.`;
  try {
    const instance = await providerForUser(db, args);
    const specs = await Promise.race([instance.listSpecs({ signal }), rejectOnAbort(signal, slow)]);
    return { provider, available: true, specs };
  } catch (e) {
    return { provider, available: false, reason: signal.aborted ? slow : describeFailure(e) };
  }
}
