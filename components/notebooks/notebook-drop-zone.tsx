"use client";
// The notebook list as a drop target: a notebook file (Jupyter, R Markdown, Quarto, R Notebook)
// dropped anywhere on it is imported, like one chosen with "Import…".
import { useState, type DragEvent, type ReactNode } from "react";
import { IMPORT_FORMATS_LABEL } from "@/server/contracts/notebook-transfer";
import { useImportNotebook } from "./use-import-notebook";
import styles from "./notebook-list.module.css";

type Props = { onError: (message: string | null) => void; children: ReactNode };

export function NotebookDropZone({ onError, children }: Props) {
  const [over, setOver] = useState(false);
  const { importFile } = useImportNotebook(onError);
  const hasFiles = (e: DragEvent) => e.dataTransfer.types.includes("Files");

  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    setOver(false);
    const files = Array.from(e.dataTransfer.files);
    const [file] = files;
    if (!file) return;
    if (files.length > 1) onError(`Drop one notebook at a time (${files.length} files were dropped).`);
    else void importFile(file);
  };

  return (
    <div className={`${styles.dropZone} ${over ? styles.dropOver : ""}`} data-testid="notebook-dropzone"
      onDragEnter={(e) => { if (hasFiles(e)) { e.preventDefault(); setOver(true); } }}
      onDragOver={(e) => { if (hasFiles(e)) { e.preventDefault(); e.dataTransfer.dropEffect = "copy"; } }}
      onDragLeave={(e) => { if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOver(false); }}
      onDrop={onDrop}>
      {children}
      {over && <p className={styles.dropHint} aria-live="polite">Drop a {IMPORT_FORMATS_LABEL} file to import it</p>}
    </div>
  );
}
