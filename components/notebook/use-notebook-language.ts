"use client";
// The notebook's code language, following its kernel choice (switching to a Python kernel turns
// the cells into Python), starting from the language the page was loaded with.
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/providers/trpc-provider";
import { toCodeLanguage } from "./code-language";
import type { CodeLanguage } from "./highlight-code";

export function useNotebookLanguage(notebookId: string, initial: CodeLanguage): CodeLanguage {
  const trpc = useTRPC();
  const choice = useQuery(trpc.kernel.choice.queryOptions({ notebookId }));
  return choice.data ? toCodeLanguage(choice.data.language) : initial;
}
