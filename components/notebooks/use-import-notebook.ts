"use client";
// Imports one notebook file chosen or dropped by the user: reads it in the browser, sends it, opens
// the new notebook; a refusal is reported through onError in the server's own words.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { errorMessage } from "@/components/notebook/client-errors";
import { useTRPC } from "@/components/providers/trpc-provider";
import { IMPORT_TOO_LARGE, MAX_IMPORT_BYTES } from "@/server/contracts/notebook-transfer";

export function useImportNotebook(onError: (message: string | null) => void) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const mutation = useMutation(trpc.notebook.import.mutationOptions({
    onSuccess: async ({ id }) => {
      await queryClient.invalidateQueries({ queryKey: trpc.notebook.list.queryKey() });
      router.push(`/notebooks/${id}`);
    },
  }));

  const importFile = async (file: File) => {
    onError(null);
    const fail = (message: string) => onError(`Could not import “${file.name}”: ${message}`);
    if (file.size > MAX_IMPORT_BYTES) return fail(IMPORT_TOO_LARGE);
    let content: string;
    try {
      content = await file.text();
    } catch {
      return fail("the file could not be read.");
    }
    mutation.mutate({ filename: file.name, content }, { onError: (error) => fail(errorMessage(error)) });
  };

  return { importFile, isPending: mutation.isPending };
}
