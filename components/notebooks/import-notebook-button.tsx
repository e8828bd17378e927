"use client";
// "Import…": picks a notebook file (Jupyter, R Markdown, Quarto, R Notebook) and imports it.
import { useRef, type ChangeEvent } from "react";
import { IMPORT_ACCEPT, IMPORT_FORMATS_LABEL } from "@/server/contracts/notebook-transfer";
import { useImportNotebook } from "./use-import-notebook";

type Props = { onError: (message: string | null) => void };

export function ImportNotebookButton({ onError }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const { importFile, isPending } = useImportNotebook(onError);

  const onPicked = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = ""; // picking the same file again (after fixing it) fires change again
    if (file) void importFile(file);
  };

  return (
    <>
      <input ref={input} type="file" accept={IMPORT_ACCEPT} hidden data-testid="import-input" onChange={onPicked} />
      <button type="button" className="btn" disabled={isPending} onClick={() => input.current?.click()}
        title={`Import a ${IMPORT_FORMATS_LABEL} file; drop one on this page works too`}>
        {isPending ? "Importing…" : "Import…"}
      </button>
    </>
  );
}
