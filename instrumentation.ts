// Runs once when the server starts: recovers from a previous crash and starts the idle-kernel reaper.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startBackgroundWork } = await import("./server/background");
  await startBackgroundWork();
}
