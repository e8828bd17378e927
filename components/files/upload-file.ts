// Sends one file to the notebook kernel's working directory with upload progress (XMLHttpRequest:
// fetch reports no upload progress), resolving with the stored name or rejecting with the server's sentence.
export type UploadProgress = { loaded: number; total: number };

export function uploadFile(args: { notebookId: string; file: File; path?: string; onProgress: (p: UploadProgress) => void; signal?: AbortSignal }): Promise<{ path: string; size: number }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/notebooks/${encodeURIComponent(args.notebookId)}/files`);
    xhr.responseType = "json";
    xhr.upload.onprogress = (e) => args.onProgress({ loaded: e.loaded, total: e.lengthComputable ? e.total : args.file.size });
    xhr.onload = () => {
      const body = xhr.response as { path?: string; size?: number; error?: string } | null;
      if (xhr.status >= 200 && xhr.status < 300 && body?.path) resolve({ path: body.path, size: body.size ?? args.file.size });
      else reject(new Error(body?.error ?? `The upload failed (HTTP ${xhr.status}).`));
    };
    xhr.onerror = () => reject(new Error("The upload was interrupted: check the connection and try again."));
    xhr.onabort = () => reject(new Error("The upload was cancelled."));
    args.signal?.addEventListener("abort", () => xhr.abort(), { once: true });
    const form = new FormData();
    form.append("path", args.path ?? args.file.name);
    form.append("file", args.file);
    xhr.send(form);
  });
}
