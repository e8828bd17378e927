"use client";
// Says when live output cannot reach this page: the event stream, once connected, is reconnecting
// (the app server or its database cannot be reached). It goes away when the stream is back; the
// stream resumes after the last event the page has, so nothing printed meanwhile is lost.
import { useEffect, useState } from "react";
import type { StreamConnection } from "./use-execution-stream";
import { NoticeBanner } from "./notice-banner";

export function ConnectionBanner({ connection }: { connection: StreamConnection }) {
  const [wasLive, setWasLive] = useState(false);
  useEffect(() => {
    if (connection === "live") setWasLive(true);
  }, [connection]);
  if (!wasLive || connection === "live") return null;
  return (
    <NoticeBanner tone="warning" testId="connection-banner">
      <strong>Reconnecting…</strong> The server cannot be reached right now. Cells keep running on the kernel and
      their output is kept; it appears here when the connection is back.
    </NoticeBanner>
  );
}
