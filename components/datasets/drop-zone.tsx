"use client";
// Where files are dropped (one or many) or chosen with a button; folders are turned away with a
// sentence, and a drop that misses the zone does not make the browser open the file and leave
// the page (which would stop the uploads).
import { useEffect, useRef, useState, type DragEvent } from "react";
import styles from "./datasets.module.css";

type Props = { onFiles: (files: File[]) => void; onRejected: (message: string) => void };

export function DropZone({ onFiles, onRejected }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  useEffect(() => {
    const stray = (e: globalThis.DragEvent) => {
      if (e.dataTransfer?.types.includes("Files")) e.preventDefault();
    };
    window.addEventListener("dragover", stray);
    window.addEventListener("drop", stray);
    return () => {
      window.removeEventListener("dragover", stray);
      window.removeEventListener("drop", stray);
    };
  }, []);

  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setOver(false);
    const { files, folders } = droppedFiles(e.dataTransfer);
    if (folders.length > 0) onRejected(`Folders cannot be uploaded (${folders.join(", ")}): drop the files inside them instead.`);
    if (files.length > 0) onFiles(files);
  };

  return (
    <div className={`${styles.dropZone} ${over ? styles.dropOver : ""}`} data-testid="dataset-dropzone"
      onDragEnter={(e) => { e.preventDefault(); setOver(true); }}
      onDragOver={(e) => { e.preventDefault(); e.dataTransfer.dropEffect = "copy"; }}
      onDragLeave={(e) => { if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOver(false); }}
      onDrop={onDrop}>
      <p className={styles.dropText}>Drop files here to upload them</p>
      <p className="muted">CSV, TSV, images or any other file, as large as your quota allows. An interrupted upload resumes when you choose the same file again.</p>
      <button type="button" className="btn btn-primary" onClick={() => input.current?.click()}>Choose files…</button>
      <input ref={input} type="file" multiple hidden data-testid="dataset-file-input" aria-label="Choose files to upload"
        onChange={(e) => {
          const picked = Array.from(e.target.files ?? []);
          e.target.value = ""; // choosing the same file again (to resume) must fire change again
          if (picked.length > 0) onFiles(picked);
        }} />
    </div>
  );
}

function droppedFiles(data: DataTransfer): { files: File[]; folders: string[] } {
  const files: File[] = [];
  const folders: string[] = [];
  const items = Array.from(data.items ?? []).filter((item) => item.kind === "file");
  if (items.length === 0) return { files: Array.from(data.files), folders };
  for (const item of items) {
    const entry = typeof item.webkitGetAsEntry === "function" ? item.webkitGetAsEntry() : null;
    const file = item.getAsFile();
    if (entry?.isDirectory) folders.push(entry.name);
    else if (file) files.push(file);
  }
  return { files, folders };
}
