"use client";
// "Import .ipynb": reads a Jupyter notebook file in the browser, imports it, opens the new notebook;
// a refusal is reported through onError in the server's own words.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useRef, type ChangeEvent } from "react";
import { errorMessage } from "@/components/notebook/client-errors";
import { useTRPC } from "@/components/providers/trpc-provider";
import { IMPORT_TOO_LARGE, MAX_IMPORT_BYTES } from "@/server/contracts/notebook-transfer";

type Props = { onError: (message: string | null) => void };

export function ImportNotebookButton({ onError }: Props) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const importFile = useMutation(trpc.notebook.import.mutationOptions({
    onSuccess: async ({ id }) => {
      await queryClient.invalidateQueries({ queryKey: trpc.notebook.list.queryKey() });
      router.push(`/notebooks/${id}`);
    },
  }));

  const onPicked = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = ""; // picking the same file again (after fixing it) fires change again
    if (!file) return;
    onError(null);
    const fail = (message: string) => onError(`Could not import “${file.name}”: ${message}`);
    if (file.size > MAX_IMPORT_BYTES) return fail(IMPORT_TOO_LARGE);
    let content: string;
    try {
      content = await file.text();
    } catch {
      return fail("the file could not be read.");
    }
    importFile.mutate({ filename: file.name, content }, { onError: (error) => fail(errorMessage(error)) });
  };

  return (
    <>
      <input ref={input} type="file" accept=".ipynb,application/x-ipynb+json" hidden data-testid="import-input"
        onChange={(e) => void onPicked(e)} />
      <button type="button" className="btn" disabled={importFile.isPending} onClick={() => input.current?.click()}
        title="Import a Jupyter notebook (.ipynb) with its outputs">
        {importFile.isPending ? "Importing…" : "Import .ipynb"}
      </button>
    </>
  );
}
