// Start-up work of an app instance: mark what a previous run left unfinished, reap idle kernels,
// and (hourly) uploads abandoned for a week.
import "server-only";
import { db } from "./db";
import { recoverAfterRestart } from "./kernels/recover-after-restart";
import { reapIdleKernels } from "./kernels/reap-idle-kernels";
import { reapAbandonedUploads } from "./datasets/reap-abandoned-uploads";
import { env } from "./env";

/** The idle reaper runs every 30 s, or twice per timeout when KERNEL_IDLE_TIMEOUT_MINUTES is under a minute. */
const REAP_EVERY_MS = Math.min(30_000, Math.max(1_000, env.KERNEL_IDLE_TIMEOUT_MINUTES * 30_000));
const UPLOAD_REAP_EVERY_MS = 3600_000;

export async function startBackgroundWork(): Promise<void> {
  const recovered = await recoverAfterRestart(db).catch((e) => {
    console.error("[kernelbook] recovery after restart failed", e);
    return null;
  });
  if (recovered?.sessions) console.log(`[kernelbook] ended ${recovered.sessions} kernel session(s) left by a previous run`);
  setInterval(() => void reapIdleKernels(db).catch((e) => console.error("[kernelbook] idle reaper failed", e)), REAP_EVERY_MS).unref();
  if (env.storage) {
    setInterval(() => void reapAbandonedUploads(db).catch((e) => console.error("[kernelbook] upload reaper failed", e)), UPLOAD_REAP_EVERY_MS).unref();
  }
}
