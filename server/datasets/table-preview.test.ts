import { describe, expect, it } from "vitest";
import { parseTablePreview } from "./table-preview";

const encode = (s: string) => new TextEncoder().encode(s);

describe("table preview", () => {
  it("reads the header and rows of a whole small CSV", () => {
    const preview = parseTablePreview(encode("\uFEFFname,score\n\"Doe, J\",3\nÅsa,4\n\n"), { wholeFile: true });
    expect(preview).toEqual({ kind: "table", columns: ["name", "score"], rows: [["Doe, J", "3"], ["Åsa", "4"]], delimiter: ",", truncated: false });
  });

  it("shows 20 rows and says there are more", () => {
    const csv = ["a;b", ...Array.from({ length: 30 }, (_, i) => `${i};${i * 2}`)].join("\n");
    const preview = parseTablePreview(encode(csv), { wholeFile: true });
    expect(preview.delimiter).toBe(";");
    expect(preview.rows).toHaveLength(20);
    expect(preview.rows[19]).toEqual(["19", "38"]);
    expect(preview.truncated).toBe(true);
  });

  it("drops the cut last line of a prefix, even inside a multi-byte character", () => {
    const bytes = encode("x\ty\n1\tä\n2\täää");
    const prefix = bytes.subarray(0, bytes.length - 1); // ends mid-"ä"
    expect(parseTablePreview(prefix, { wholeFile: false, delimiter: "\t" })).toEqual({
      kind: "table", columns: ["x", "y"], rows: [["1", "ä"]], delimiter: "\t", truncated: true,
    });
  });

  it("copes with an empty or header-only file", () => {
    expect(parseTablePreview(encode(""), { wholeFile: true })).toMatchObject({ columns: [], rows: [], truncated: false });
    expect(parseTablePreview(encode("a,b\n"), { wholeFile: true })).toMatchObject({ columns: ["a", "b"], rows: [] });
  });
});
