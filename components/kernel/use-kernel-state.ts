"use client";
// The notebook's kernel state, refreshed (at most a few times a second) whenever an execution
// event arrives or a kernel action completes, and otherwise read again only when something no
// event reports may have changed (kernel-refresh.ts).
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef } from "react";
import { useTRPC } from "@/components/providers/trpc-provider";
import { nextKernelCheckMs } from "./kernel-refresh";

const REFRESH_GAP_MS = 400;

export function useKernelState(notebookId: string) {
  const trpc = useTRPC();
  return useQuery(trpc.kernel.get.queryOptions({ notebookId }, {
    refetchInterval: (query) => nextKernelCheckMs(query.state.data, Date.now()),
    staleTime: 0,
    retry: false,
  }));
}

/** A throttled "refetch the kernel state now". */
export function useKernelRefresh(notebookId: string): () => void {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const last = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);
  return useCallback(() => {
    const invalidate = () => {
      last.current = Date.now();
      timer.current = null;
      void queryClient.invalidateQueries({ queryKey: trpc.kernel.get.queryKey({ notebookId }) });
    };
    const wait = last.current + REFRESH_GAP_MS - Date.now();
    if (wait <= 0) invalidate();
    else timer.current ??= setTimeout(invalidate, wait);
  }, [queryClient, trpc, notebookId]);
}
