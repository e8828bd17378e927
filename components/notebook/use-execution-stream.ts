"use client";
// Per-cell execution state: starts from what the notebook load returned, then follows the live
// event stream (resumed by tRPC from the last tracked id after a reconnect), one render per frame.
import { useSubscription } from "@trpc/tanstack-react-query";
import { useEffect, useReducer, useRef, useState } from "react";
import type { NotebookEvent } from "@/server/contracts/events";
import { useTRPC } from "@/components/providers/trpc-provider";
import { emptyExecState, execReducer } from "./execution-state";
import type { NotebookData } from "./types";

export function useExecutionStream(initial: NotebookData, onEvent: () => void) {
  const trpc = useTRPC();
  const [state, dispatch] = useReducer(execReducer, initial, (data) =>
    execReducer(emptyExecState, { type: "load", executions: data.executions, events: data.events }));
  const [input] = useState(() => ({ notebookId: initial.id, lastEventId: initial.lastEventId }));
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

  return { state, dispatch, connection: subscription.status };
}
