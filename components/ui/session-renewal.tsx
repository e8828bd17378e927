"use client";
// Slides the session cookie's 12-hour lifetime forward while the app is in use. next-auth re-issues the
// cookie only from its own GET /api/auth/session (getServerSession in App Router code cannot set
// cookies), so every signed-in page asks for it on load and when its tab comes back, at most every
// 10 minutes. The server's own idle limit (AuthSession.lastSeenAt) still counts only real requests.
import { useEffect } from "react";

const MIN_GAP_MS = 10 * 60 * 1000;
let lastRenewal = 0;

function renew(): void {
  if (Date.now() - lastRenewal < MIN_GAP_MS) return;
  lastRenewal = Date.now();
  // A renewal that fails (offline) changes nothing: the next page load or tab return tries again.
  void fetch("/api/auth/session", { credentials: "same-origin", cache: "no-store" }).catch(() => undefined);
}

export function SessionRenewal() {
  useEffect(() => {
    renew();
    const onVisible = () => { if (document.visibilityState === "visible") renew(); };
    document.addEventListener("visibilitychange", onVisible);
    return () => document.removeEventListener("visibilitychange", onVisible);
  }, []);
  return null;
}
