// Start-up work of an app instance: mark what a previous run left unfinished, reap idle kernels.
import "server-only";
import { db } from "./db";
import { recoverAfterRestart } from "./kernels/recover-after-restart";
import { reapIdleKernels } from "./kernels/reap-idle-kernels";

const REAP_EVERY_MS = 30_000;

export async function startBackgroundWork(): Promise<void> {
  const recovered = await recoverAfterRestart(db).catch((e) => {
    console.error("[kernelbook] recovery after restart failed", e);
    return null;
  });
  if (recovered?.sessions) console.log(`[kernelbook] ended ${recovered.sessions} kernel session(s) left by a previous run`);
  setInterval(() => void reapIdleKernels(db).catch((e) => console.error("[kernelbook] idle reaper failed", e)), REAP_EVERY_MS).unref();
}
