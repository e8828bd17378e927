// Tries a login on its provider before it is stored, so a mistyped key is reported at once
// ("the manager refused this keypair") rather than at the next run.
import "server-only";
import { CredentialError, KernelError } from "@/server/errors";
import { probeProvider, remoteName, type ProviderLogin, type RemoteProviderId } from "./registry";

const TIMEOUT_MS = 10_000;

export async function checkLogin(provider: RemoteProviderId, login: ProviderLogin): Promise<void> {
  const instance = probeProvider(provider, login);
  const signal = AbortSignal.timeout(TIMEOUT_MS);
  try {
    await (instance.checkLogin ? instance.checkLogin({ signal }) : instance.listSpecs({ signal }));
  } catch (cause) {
    const refused = cause instanceof KernelError && cause.code === "UNAUTHORIZED";
    const reason = signal.aborted ? `it did not answer within ${TIMEOUT_MS / 1000} s` : cause instanceof Error ? cause.message : String(cause);
    const message = refused ? `${remoteName(provider)} did not accept this login: ${reason}` : `This login could not be checked on ${remoteName(provider)}: ${reason}`;
    throw new CredentialError("INVALID", message, { cause });
  } finally {
    await instance.disconnect?.().catch(() => {});
  }
}
