// Parses the first bytes of a CSV/TSV file into a small table for the dataset page: header, up to
// 20 rows, and whether there is more. Pure: the caller decides how many bytes to read.
import Papa from "papaparse";

export const PREVIEW_ROWS = 20;

export type TablePreview = { kind: "table"; columns: string[]; rows: string[][]; delimiter: string; truncated: boolean };

/** `wholeFile` false: `bytes` is a prefix, so its last (probably cut) line is dropped. */
export function parseTablePreview(bytes: Uint8Array, options: { wholeFile: boolean; delimiter?: "," | "\t" }): TablePreview {
  let end = bytes.length;
  if (!options.wholeFile) {
    const lastNewline = bytes.lastIndexOf(0x0a);
    if (lastNewline >= 0) end = lastNewline + 1;
  }
  // Cutting at a newline byte never splits a UTF-8 sequence; TextDecoder drops a leading BOM.
  const text = new TextDecoder("utf-8").decode(bytes.subarray(0, end));
  const parsed = Papa.parse<string[]>(text, {
    delimiter: options.delimiter ?? "", // "": detect among , ; \t | and the like
    skipEmptyLines: "greedy",
    preview: PREVIEW_ROWS + 2, // the header, the rows shown, and one more to know there are more
  });
  const [columns = [], ...data] = parsed.data;
  return {
    kind: "table",
    columns,
    rows: data.slice(0, PREVIEW_ROWS),
    delimiter: parsed.meta.delimiter,
    truncated: !options.wholeFile || data.length > PREVIEW_ROWS,
  };
}
