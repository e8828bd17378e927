// A shared notebook snapshot (#7), public: no sign-in. Read only by the link's token hash; revoked,
// expired or unknown links are 404. Each view by someone other than the author is counted.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { SharedNotebookView } from "@/components/share/shared-notebook-view";
import { getSessionUser } from "@/server/auth/session";
import { db } from "@/server/db";
import { firstPlot } from "@/server/sharing/first-plot";
import { countShareView, readSharedNotebook } from "@/server/sharing/read-shared-notebook";
import { shareImageUrl, shareUrl } from "@/server/sharing/share-url";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ token: string }> };

/** One read per request, shared by the metadata and the page. */
const readShared = cache((token: string) => readSharedNotebook(db, { token }));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { token } = await params;
  const shared = await readShared(token);
  // The token is in the address: no Referer carries it to sites the notebook links to.
  const base = { referrer: "no-referrer", robots: { index: false, follow: false } } as const;
  if (!shared) return { ...base, title: "Not found — Kernelbook" };
  const images = firstPlot(shared.snapshot) ? [{ url: shareImageUrl(token), type: "image/png" }] : undefined;
  const language = shared.snapshot.language === "python" ? "Python" : "R";
  const description = `A read-only ${language} notebook snapshot by ${shared.snapshot.author}, shared from Kernelbook.`;
  return {
    ...base,
    title: `${shared.title} — Kernelbook`,
    description,
    openGraph: { title: shared.title, description, type: "article", url: shareUrl(token), siteName: "Kernelbook", images },
    twitter: { card: images ? "summary_large_image" : "summary", title: shared.title, description },
  };
}

export default async function SharePage({ params }: Props) {
  const { token } = await params;
  const shared = await readShared(token);
  if (!shared) notFound();
  const viewer = await getSessionUser().catch(() => null);
  await countShareView(db, { token, viewerId: viewer?.id ?? null });
  return <SharedNotebookView shared={shared} />;
}
