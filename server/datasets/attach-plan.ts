// How a dataset reaches a kernel: streamed through the app, uploaded whole, or downloaded by the
// kernel itself from a read-only link when it is over what the provider accepts through the app
// (Backend.AI's agents refuse files of 1 MiB or more; ML Server uploads are capped at 256 MiB).
import type { KernelProvider, ProviderId } from "@/server/kernels/types";
import { formatBytes } from "./format-bytes";

export type AttachPlan =
  | { kind: "stream" }
  /** "flat": the provider's uploads have no folders; the file is then moved into datasets/ with R. */
  | { kind: "upload"; layout: "folders" | "flat" }
  /** `reason` follows the file's name: "is over Backend.AI's per-file upload limit (under 1 MiB)". */
  | { kind: "download-code"; reason: string };

type Copying = { maxBytes: number; limit: string; layout: "folders" | "flat" };

export const BACKENDAI_MAX_COPY_BYTES = 1024 * 1024 - 1;
export const MLSERVER_MAX_COPY_BYTES = 256 * 1024 * 1024;

/** What a provider takes through the app, by id. */
export function copyingOf(id: ProviderId): Copying {
  switch (id) {
    case "webr":
    case "jupyter":
      return { maxBytes: Number.POSITIVE_INFINITY, limit: "", layout: "folders" };
    case "backendai":
      return { maxBytes: BACKENDAI_MAX_COPY_BYTES, limit: "Backend.AI's per-file upload limit (under 1 MiB)", layout: "folders" };
    case "mlserver":
      return { maxBytes: MLSERVER_MAX_COPY_BYTES, limit: `the ${formatBytes(MLSERVER_MAX_COPY_BYTES)} Kernelbook copies to ML Server`, layout: "flat" };
    default: {
      const unreachable: never = id;
      return unreachable;
    }
  }
}

export function planAttach(provider: Pick<KernelProvider, "id" | "writeFile" | "uploadFile">, size: number): AttachPlan {
  const copying = copyingOf(provider.id);
  if (size > copying.maxBytes) return { kind: "download-code", reason: `is over ${copying.limit}` };
  if (provider.writeFile) return { kind: "stream" };
  if (provider.uploadFile) return { kind: "upload", layout: copying.layout };
  return { kind: "download-code", reason: "cannot be copied into this kernel" };
}
