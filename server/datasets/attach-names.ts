// Where an attached dataset lands in a kernel: datasets/<name>, the name made safe from the
// dataset's display name (one plain file name on every provider, its extension kept).

export const DATASETS_FOLDER = "datasets";

/** Characters no file name may hold on some provider (Windows-based ML Server included). */
const UNSAFE = /[/\\:*?"<>|]/g;
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
/** Names Windows reserves for devices, with or without an extension. */
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i;
const MAX_CHARS = 120;
const MAX_EXTENSION_CHARS = 16;

/**
 * "reports/2024: iris.csv" → "reports_2024_ iris.csv": no slashes, no "..", no control characters,
 * no leading dot (hidden files are refused by Jupyter), at most 120 characters, the extension kept.
 */
export function datasetFileName(displayName: string): string {
  let name = displayName.normalize("NFC").replace(CONTROL, "").replace(UNSAFE, "_");
  name = name.replace(/\.{2,}/g, ".").replace(/^[\s.]+/, "").replace(/[\s.]+$/, "");
  if (!name) name = "dataset";
  if (RESERVED.test(name)) name = `_${name}`;
  return shorten(name);
}

/** The path relative to the kernel's working directory, e.g. "datasets/iris.csv". */
export function datasetPath(fileName: string): string {
  return `${DATASETS_FOLDER}/${fileName}`;
}

function shorten(name: string): string {
  const chars = [...name];
  if (chars.length <= MAX_CHARS) return name;
  const dot = name.lastIndexOf(".");
  const extension = dot > 0 && name.length - dot <= MAX_EXTENSION_CHARS ? name.slice(dot) : "";
  const stem = [...name.slice(0, name.length - extension.length)].slice(0, MAX_CHARS - [...extension].length);
  return `${stem.join("").replace(/[\s.]+$/, "")}${extension}`;
}
