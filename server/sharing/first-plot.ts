// The snapshot's first plot as PNG bytes: the shared link's preview image (og:image).
import type { ShareSnapshot } from "./contract";

export function firstPlot(snapshot: ShareSnapshot): Buffer | null {
  for (const cell of snapshot.cells) {
    if (cell.kind !== "code") continue;
    for (const event of cell.events) {
      if (event.type !== "display_data" && event.type !== "execute_result") continue;
      const png = event.data["image/png"];
      if (png) return Buffer.from(png.replace(/\s+/g, ""), "base64");
    }
  }
  return null;
}
