"use client";
// Wires the autosave controller to React: the document store reports each change to it, this
// exposes the save state, and warns before the page unloads with unsaved edits.
import { useEffect, useRef, useState } from "react";
import { useTRPCClient } from "@/components/providers/trpc-provider";
import { AutosaveController, type SaveState } from "./autosave";
import { errorMessage, isConflictError } from "./client-errors";
import type { DocCell } from "./types";

type Args = { notebookId: string; version: number; cells: DocCell[] };

export function useAutosave({ notebookId, version, cells }: Args) {
  const client = useTRPCClient();
  const [state, setState] = useState<SaveState>("saved");
  const [error, setError] = useState<string | null>(null);
  const [initial] = useState(() => ({ version, cells }));
  const controllerRef = useRef<AutosaveController | null>(null);

  useEffect(() => {
    const controller = new AutosaveController({
      version: initial.version,
      cells: initial.cells,
      save: ({ version: v, cells: c }) => client.notebook.save.mutate({ id: notebookId, version: v, cells: c }),
      isConflict: isConflictError,
      onState: (next, err) => {
        setState(next);
        setError(err ? errorMessage(err) : null);
      },
    });
    controllerRef.current = controller;
    return () => {
      controller.saveNow().catch(() => undefined);
      controller.dispose();
    };
  }, [client, notebookId, initial]);

  useEffect(() => {
    if (state === "saved") return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = "";
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [state]);

  return { state, error, controllerRef };
}
