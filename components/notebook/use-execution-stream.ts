"use client";
// Per-cell execution state: starts from what the notebook load returned, then follows the live
// event stream (resumed by tRPC from the last tracked id after a reconnect, and subscribed again
// after the last event seen if the server ended it with an error), one render per frame.
import { useSubscription } from "@trpc/tanstack-react-query";
import { useEffect, useReducer, useRef, useState } from "react";
import type { NotebookEvent } from "@/server/contracts/events";
import { useTRPC } from "@/components/providers/trpc-provider";
import { emptyExecState, execReducer } from "./execution-state";
import type { NotebookData } from "./types";

/** Whether the live stream reaches the page: connected, or (re)connecting after a cut or an error. */
export type StreamConnection = "live" | "connecting";

/** How long to wait before subscribing again after the server ended the stream with an error. */
const RETRY_MS = 1_500;

export function useExecutionStream(initial: NotebookData, onEvent: () => void) {
  const trpc = useTRPC();
  const [state, dispatch] = useReducer(execReducer, initial, (data) =>
    execReducer(emptyExecState, { type: "load", executions: data.executions, events: data.events }));
  const [input, setInput] = useState(() => ({ notebookId: initial.id, lastEventId: initial.lastEventId }));
  const lastSeen = useRef(initial.lastEventId);
  const buffer = useRef<NotebookEvent[]>([]);
  const frame = useRef<number | null>(null);
  const onEventRef = useRef(onEvent);
  useEffect(() => {
    onEventRef.current = onEvent;
  }, [onEvent]);
  useEffect(() => () => {
    if (frame.current !== null) cancelAnimationFrame(frame.current);
  }, []);

  const subscription = useSubscription(
    trpc.execution.onEvent.subscriptionOptions(input, {
      onData: (tracked) => {
        lastSeen.current = tracked.id;
        buffer.current.push(tracked.data);
        frame.current ??= requestAnimationFrame(() => {
          frame.current = null;
          const events = buffer.current;
          buffer.current = [];
          dispatch({ type: "events", events });
          onEventRef.current();
        });
      },
    }),
  );

  const { status, reset } = subscription;
  useEffect(() => {
    if (status !== "error") return;
    const timer = setTimeout(() => {
      if (lastSeen.current === input.lastEventId) reset();
      else setInput({ notebookId: input.notebookId, lastEventId: lastSeen.current });
    }, RETRY_MS);
    return () => clearTimeout(timer);
  }, [status, reset, input]);

  const connection: StreamConnection = status === "pending" ? "live" : "connecting";
  return { state, dispatch, connection };
}
