// The kernels a notebook can choose: every configured provider's specs, asked with a short timeout;
// a provider that cannot answer is listed as unavailable with the reason.
import "server-only";
import type { KernelSpec, ProviderId } from "./types";
import { configuredProviderIds, getProvider } from "./registry";

export type ProviderSpecs =
  | { provider: ProviderId; available: true; specs: KernelSpec[] }
  | { provider: ProviderId; available: false; reason: string };

const TIMEOUT_MS = 3_000;

export async function listKernelSpecs(options: { only?: ProviderId; timeoutMs?: number } = {}): Promise<ProviderSpecs[]> {
  const ids = configuredProviderIds().filter((id) => !options.only || id === options.only);
  return Promise.all(ids.map((id) => specsOf(id, options.timeoutMs ?? TIMEOUT_MS)));
}

async function specsOf(provider: ProviderId, timeoutMs: number): Promise<ProviderSpecs> {
  const signal = AbortSignal.timeout(timeoutMs);
  const slow = `It did not answer within ${timeoutMs / 1000} s.`;
  try {
    const specs = await Promise.race([getProvider(provider).listSpecs({ signal }), rejectOnAbort(signal, slow)]);
    return { provider, available: true, specs };
  } catch (e) {
    return { provider, available: false, reason: signal.aborted ? slow : describe(e) };
  }
}

function rejectOnAbort(signal: AbortSignal, message: string): Promise<never> {
  return new Promise<never>((_, reject) => {
    const fail = () => reject(new Error(message));
    if (signal.aborted) fail();
    else signal.addEventListener("abort", fail, { once: true });
  });
}

function describe(e: unknown): string {
  return e instanceof Error && e.message ? e.message : "It could not be reached.";
}
