// What a dataset's bytes are, from its declared content type and its name: the type stored on the
// blob (browsers often send none) and which preview, if any, the app can show.

export type PreviewKind = "csv" | "tsv" | "image" | "none";

const BY_EXTENSION: Record<string, string> = {
  csv: "text/csv", tsv: "text/tab-separated-values", tab: "text/tab-separated-values", txt: "text/plain",
  json: "application/json", parquet: "application/vnd.apache.parquet", rds: "application/octet-stream",
  png: "image/png", jpg: "image/jpeg", jpeg: "image/jpeg", gif: "image/gif", webp: "image/webp", svg: "image/svg+xml",
};
const IMAGE_TYPES = new Set(["image/png", "image/jpeg", "image/gif", "image/webp", "image/svg+xml"]);
const MIME = /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/;

function extensionOf(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot < 0 ? "" : name.slice(dot + 1).toLowerCase();
}

/** The declared type when it is a real, specific MIME type (parameters dropped), else one from the extension. */
export function normaliseContentType(name: string, declared: string | undefined): string {
  const type = (declared ?? "").split(";")[0].trim().toLowerCase();
  if (MIME.test(type) && type !== "application/octet-stream") return type;
  return BY_EXTENSION[extensionOf(name)] ?? "application/octet-stream";
}

export function previewKindOf(name: string, contentType: string): PreviewKind {
  const type = contentType.split(";")[0].trim().toLowerCase();
  const ext = extensionOf(name);
  if (type === "text/tab-separated-values" || ext === "tsv" || ext === "tab") return "tsv";
  if (type === "text/csv" || type === "application/csv" || ext === "csv") return "csv";
  if (IMAGE_TYPES.has(type) || IMAGE_TYPES.has(BY_EXTENSION[ext] ?? "")) return "image";
  return "none";
}
