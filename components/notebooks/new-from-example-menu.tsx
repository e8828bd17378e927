"use client";
// "New from example": the shipped example notebooks, each with the image it needs; choosing one
// creates the user's own copy (on that image's kernel when their Backend.AI offers it) and opens it.
import { useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTRPC } from "@/components/providers/trpc-provider";
import { PopoverMenu } from "@/components/ui/popover-menu";

export function NewFromExampleMenu({ onError }: { onError: (message: string) => void }) {
  const trpc = useTRPC();
  const router = useRouter();
  const examples = useQuery(trpc.notebook.examples.queryOptions(undefined, { staleTime: Infinity }));
  const create = useMutation(trpc.notebook.createFromExample.mutationOptions({
    onSuccess: (nb) => router.push(`/notebooks/${nb.id}`),
    onError: (e) => onError(`The example could not be created: ${e.message}`),
  }));
  return (
    <PopoverMenu label={create.isPending ? "Creating…" : "New from example"} menuLabel="Example notebooks" testId="new-from-example"
      title="Start from an example notebook" disabled={!examples.data || create.isPending}
      items={(examples.data ?? []).map((ex) => ({
        key: ex.id, testId: `example-${ex.id}`, label: ex.title,
        hint: <>{ex.summary} Needs <code>{ex.image}</code>.</>,
        onSelect: () => create.mutate({ exampleId: ex.id }),
      }))} />
  );
}
