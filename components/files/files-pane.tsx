"use client";
// The Files pane: the notebook kernel's working directory (Backend.AI session scratch files, …):
// browse folders, upload files with a progress bar (code then reads them by name, e.g.
// read.csv("data.csv")), download any file. Shown for kernels that have a working directory.
import { useQuery } from "@tanstack/react-query";
import { useRef, useState, type ChangeEvent } from "react";
import { useTRPC } from "@/components/providers/trpc-provider";
import type { KernelStateData } from "@/components/notebook/types";
import panel from "@/components/ui/side-panel.module.css";
import { formatBytes } from "@/components/variables/format-bytes";
import { uploadFile, type UploadProgress } from "./upload-file";
import styles from "./files.module.css";

type Props = { notebookId: string; kernel: KernelStateData | undefined; onClose: () => void };

export function FilesPane({ notebookId, kernel, onClose }: Props) {
  const trpc = useTRPC();
  const [dir, setDir] = useState(".");
  const alive = Boolean(kernel && kernel.status !== "dead" && kernel.status !== "starting");
  const supported = Boolean(kernel?.files);
  const files = useQuery(trpc.kernel.files.queryOptions({ notebookId, path: dir }, { enabled: alive && supported, retry: false, staleTime: 0 }));
  const upload = useUploads(notebookId, dir, () => void files.refetch());

  return (
    <aside className={panel.panel} aria-label="Files" data-testid="files-panel">
      <div className={panel.head}>
        <h2 className={panel.heading}>Files</h2>
        <button type="button" className="btn btn-primary" disabled={!alive || !supported || upload.busy} data-testid="files-upload"
          title="Upload files into the kernel's working directory" onClick={upload.choose}>Upload…</button>
        <input ref={upload.inputRef} type="file" multiple className={styles.hidden} data-testid="files-input" onChange={upload.onPicked} />
        <button type="button" className="btn btn-ghost" aria-label="Close files" title="Close" onClick={onClose}>✕</button>
      </div>
      <p className={`muted ${panel.note}`}>Working directory: <span className={styles.path} data-testid="files-dir">{dir === "." ? "./" : `./${dir}/`}</span>
        {dir !== "." && <> · <button type="button" className={styles.dir} onClick={() => setDir(parentOf(dir))}>up</button></>}</p>
      {upload.progress && (
        <label className={panel.note}>Uploading {upload.progress.name}…
          <progress className={styles.progress} data-testid="files-progress" max={upload.progress.total || 1} value={upload.progress.loaded} />
        </label>
      )}
      {upload.error && <p className={`error-text ${panel.note}`} role="alert" data-testid="files-error">{upload.error}</p>}
      {!supported || !alive ? (
        <p className={`muted ${panel.note}`} data-testid="files-empty">
          {!kernel || kernel.status === "dead" ? "No kernel running: run a cell to start one." : kernel.status === "starting" ? "The kernel is starting…" : "This kernel has no working directory to browse."}
        </p>
      ) : files.isError ? (
        <p className={`error-text ${panel.note}`} role="alert">{files.error.message}</p>
      ) : (files.data ?? []).length === 0 ? (
        <p className={`muted ${panel.note}`} data-testid="files-empty">{files.isPending ? "Loading…" : "No files here yet: upload one."}</p>
      ) : (
        <ul className={styles.list} data-testid="files-list">
          {files.data!.map((f) => (
            <li key={f.name} className={styles.row} data-testid="file-row">
              {f.isDirectory ? (
                <button type="button" className={`${styles.name} ${styles.dir}`} onClick={() => setDir(join(dir, f.name))}>{f.name}/</button>
              ) : (
                <a className={styles.name} href={`/api/notebooks/${encodeURIComponent(notebookId)}/files?path=${encodeURIComponent(join(dir, f.name))}`}
                  download={f.name} title={`Download ${f.name}`}>{f.name}</a>
              )}
              {!f.isDirectory && <span className={styles.size}>{formatBytes(f.size)}</span>}
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
}

function useUploads(notebookId: string, dir: string, onUploaded: () => void) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<(UploadProgress & { name: string }) | null>(null);
  const [error, setError] = useState<string | null>(null);
  const onPicked = async (e: ChangeEvent<HTMLInputElement>) => {
    const picked = Array.from(e.target.files ?? []);
    e.target.value = "";
    setError(null);
    for (const file of picked) {
      try {
        setProgress({ name: file.name, loaded: 0, total: file.size });
        await uploadFile({ notebookId, file, path: join(dir, file.name), onProgress: (p) => setProgress({ name: file.name, ...p }) });
      } catch (err) {
        setError(`${file.name}: ${err instanceof Error ? err.message : String(err)}`);
        break;
      }
    }
    setProgress(null);
    onUploaded();
  };
  return { inputRef, progress, error, busy: progress !== null, choose: () => inputRef.current?.click(), onPicked: (e: ChangeEvent<HTMLInputElement>) => void onPicked(e) };
}

function join(dir: string, name: string): string {
  return dir === "." ? name : `${dir}/${name}`;
}

function parentOf(dir: string): string {
  const i = dir.lastIndexOf("/");
  return i < 0 ? "." : dir.slice(0, i);
}
