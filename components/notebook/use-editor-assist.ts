"use client";
// The notebook page's EditorAssist: completion and help asked of the notebook's kernel through
// tRPC (with only the text around the cursor), failures answered as "nothing".
import { useMemo } from "react";
import { useTRPCClient } from "@/components/providers/trpc-provider";
import { codeWindow, type CodeWindow } from "./code-window";
import type { EditorAssist } from "./kernel-assist";

export type HelpRequest = CodeWindow & { at: number };

export function useEditorAssist(notebookId: string, onHelp: (request: HelpRequest) => void): EditorAssist {
  const client = useTRPCClient();
  return useMemo<EditorAssist>(() => ({
    async complete(code, cursor) {
      const window = codeWindow(code, cursor);
      try {
        const result = await client.kernel.complete.query({ notebookId, code: window.code, cursor: window.cursor });
        return { ...result, cursorStart: result.cursorStart + window.offset, cursorEnd: result.cursorEnd + window.offset };
      } catch {
        return null;
      }
    },
    async inspect(code, cursor) {
      const window = codeWindow(code, cursor);
      return client.kernel.inspect.query({ notebookId, code: window.code, cursor: window.cursor }).catch(() => null);
    },
    showHelp(code, cursor) {
      onHelp({ ...codeWindow(code, cursor), at: Date.now() });
    },
  }), [client, notebookId, onHelp]);
}
