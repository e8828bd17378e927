// The preview image of a shared link (og:image): the snapshot's first plot as PNG; 404 when the
// snapshot has none or the link is revoked, expired or unknown. Public, like the page.
import { db } from "@/server/db";
import { firstPlot } from "@/server/sharing/first-plot";
import { readSharedNotebook } from "@/server/sharing/read-shared-notebook";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ token: string }> };

export async function GET(_req: Request, { params }: Params): Promise<Response> {
  const { token } = await params;
  const shared = await readSharedNotebook(db, { token });
  const png = shared ? firstPlot(shared.snapshot) : null;
  if (!png) return new Response("Not found.", { status: 404, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
  return new Response(new Uint8Array(png), {
    headers: {
      "content-type": "image/png",
      "content-length": String(png.byteLength),
      // Short: a revoked link's image should not outlive it for long in caches.
      "cache-control": "public, max-age=300",
      "x-content-type-options": "nosniff",
    },
  });
}
