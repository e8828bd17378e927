"use client";
// The toolbar's Export menu: downloads the notebook as .ipynb (with outputs) or R Markdown, through
// a Blob URL; what is exported is the last saved version.
import { useState } from "react";
import { useTRPCClient } from "@/components/providers/trpc-provider";
import { PopoverMenu } from "@/components/ui/popover-menu";
import type { ExportedFile, ExportFormat } from "@/server/contracts/notebook-transfer";
import { errorMessage } from "./client-errors";

const ITEMS: { format: ExportFormat; label: string; hint: string }[] = [
  { format: "ipynb", label: "Jupyter notebook (.ipynb)", hint: "Cells with their latest outputs" },
  { format: "rmd", label: "R Markdown (.Rmd)", hint: "Markdown and code chunks, no outputs" },
];

type Props = { notebookId: string; onError: (message: string) => void };

export function ExportMenu({ notebookId, onError }: Props) {
  const client = useTRPCClient();
  const [busy, setBusy] = useState(false);

  const download = async (format: ExportFormat) => {
    setBusy(true);
    try {
      saveFile(await client.notebook.export.query({ id: notebookId, format }));
    } catch (e) {
      onError(`Export failed: ${errorMessage(e)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <PopoverMenu label={busy ? "Exporting…" : "Export"} menuLabel="Export as" testId="export-menu" title="Download this notebook as a file"
      disabled={busy} items={ITEMS.map((item) => ({
        key: item.format, label: item.label, hint: item.hint, testId: `export-${item.format}`, onSelect: () => void download(item.format),
      }))} />
  );
}

function saveFile(file: ExportedFile) {
  const url = URL.createObjectURL(new Blob([file.content], { type: file.contentType }));
  const link = document.createElement("a");
  link.href = url;
  link.download = file.filename;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later, not at once: the browser may still be reading the Blob when click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
