// Runs once when the server starts: stamps each request with its socket's address (the client address
// for throttling and audit), recovers from a previous crash and starts the idle-kernel reaper.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { installPeerStamp } = await import("./server/auth/peer-stamp");
  installPeerStamp();
  const { startBackgroundWork } = await import("./server/background");
  await startBackgroundWork();
}
