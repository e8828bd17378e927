// Files in a notebook kernel's working directory: POST uploads (multipart: `file`, optional `path`),
// GET ?path= downloads. Bytes pass through here because kernels are reachable only from the server.
import { db } from "@/server/db";
import { errorResponse, HttpError, requireApiUser } from "@/server/api/route-helpers";
import { downloadKernelFile } from "@/server/kernels/download-kernel-file";
import { uploadKernelFile } from "@/server/kernels/upload-kernel-file";
import { guardRoute } from "@/server/security/guard-route";

export const dynamic = "force-dynamic";

/** Larger files belong in datasets (Blob storage), not in a kernel's scratch directory. */
const MAX_UPLOAD_BYTES = 64 * 1024 * 1024;

type Params = { params: Promise<{ id: string }> };

async function upload(req: Request, { params }: Params): Promise<Response> {
  try {
    const user = await requireApiUser();
    const { id } = await params;
    const form = await req.formData().catch(() => null);
    const file = form?.get("file");
    if (!form || !(file instanceof File)) throw new HttpError(400, "Send the file as multipart form data in a field named \"file\".");
    if (file.size > MAX_UPLOAD_BYTES) throw new HttpError(413, `Files over ${MAX_UPLOAD_BYTES / 1024 / 1024} MiB go in a dataset, not the kernel's working directory.`);
    const path = String(form.get("path") || file.name);
    const data = new Uint8Array(await file.arrayBuffer());
    return Response.json(await uploadKernelFile(db, { userId: user.id, notebookId: id, path, data }));
  } catch (e) {
    return errorResponse(e, "file upload");
  }
}

async function download(req: Request, { params }: Params): Promise<Response> {
  try {
    const user = await requireApiUser();
    const { id } = await params;
    const path = new URL(req.url).searchParams.get("path");
    if (!path) throw new HttpError(400, "Name the file to download with ?path=.");
    const data = await downloadKernelFile(db, { userId: user.id, notebookId: id, path });
    const name = path.split("/").pop() ?? "file";
    return new Response(data as BodyInit, {
      headers: {
        "Content-Type": "application/octet-stream",
        "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(name)}`,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (e) {
    return errorResponse(e, "file download");
  }
}

// The multipart envelope around the file adds a little to its size.
const guard = {
  maxBodyBytes: MAX_UPLOAD_BYTES + 64 * 1024, contentTypes: ["multipart/form-data"],
  tooLarge: `Files over ${MAX_UPLOAD_BYTES / 1024 / 1024} MiB go in a dataset, not the kernel's working directory.`,
} as const;
export const POST = guardRoute(upload, guard);
export const GET = guardRoute(download, guard);
