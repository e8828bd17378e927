// The R code an attached dataset comes with: how to read it (by extension), the download a kernel
// runs itself when the file is too large to copy through the app, and the move into datasets/ on a
// provider whose uploads have no folders (ML Server).
import { toRString } from "@/server/kernels/r-literal";
import { DATASETS_FOLDER } from "./attach-names";

/** Reader by extension (".gz" looked through), e.g. read.csv for "iris.csv" and "iris.csv.gz". */
const READERS: Record<string, string> = {
  csv: "read.csv",
  tsv: "read.delim",
  tab: "read.delim",
  txt: "readLines",
  rds: "readRDS",
  rda: "load",
  rdata: "load",
  json: "jsonlite::fromJSON",
  parquet: "arrow::read_parquet",
  feather: "arrow::read_feather",
  xlsx: "readxl::read_excel",
  xls: "readxl::read_excel",
};

/** One line of R that reads the file, e.g. read.csv("datasets/iris.csv"). */
export function readHint(path: string): string {
  const parts = path.toLowerCase().split("/").pop()?.split(".") ?? [];
  if (parts.at(-1) === "gz") parts.pop();
  const extension = parts.length > 1 ? (parts.at(-1) ?? "") : "";
  const reader = READERS[extension];
  const literal = toRString(path);
  return reader ? `${reader}(${literal})` : `readBin(${literal}, "raw", file.size(${literal}))`;
}

/**
 * Downloads the blob from its read-only SAS URL into `path` inside the kernel: binary mode (for
 * Windows), and R's 60 s download timeout raised for large files.
 */
export function downloadCode(args: { url: string; path: string; fileName: string; expiresAt: Date }): string {
  const until = args.expiresAt.toISOString().replace(/:\d\d\.\d+Z$/, " UTC").replace("T", " ");
  return [
    `# Downloads the dataset ${JSON.stringify(args.fileName)} into ${DATASETS_FOLDER}/ (this link works until ${until})`,
    `dir.create(${toRString(DATASETS_FOLDER)}, showWarnings = FALSE)`,
    "options(timeout = max(3600, getOption(\"timeout\")))",
    `download.file(${toRString(args.url)}, ${toRString(args.path)}, mode = "wb", quiet = TRUE)`,
  ].join("\n");
}

/** Moves an uploaded file (`from`, in the working directory) to `to`, replacing it; an R error if it cannot. */
export function moveCode(from: string, to: string): string {
  const [f, t, folder] = [toRString(from), toRString(to), toRString(DATASETS_FOLDER)];
  return `local({
  dir.create(${folder}, showWarnings = FALSE)
  unlink(${t})
  if (!file.rename(${f}, ${t})) { unlink(${f}); stop("the file could not be moved into ${DATASETS_FOLDER}/") }
  invisible()
})`;
}
