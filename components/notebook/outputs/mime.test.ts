import { describe, expect, it } from "vitest";
import { estimateHtmlHeight, htmlMode, isVectorRepr, present, svgDataUrl } from "./mime";

// IRkernel 1.3's bundles, as sent for `1:3`, `R.version$language`, `1+1`, `c(a = 1)`, a factor and a matrix.
const VECTOR_STYLE = "<style>\n.list-inline {list-style: none; margin:0; padding: 0}\n.list-inline>li {display: inline-block}\n.list-inline>li:not(:last-child)::after {content: \"\\00b7\"; padding: 0 .5ex}\n</style>\n";
const IR = {
  ints: { "text/html": `${VECTOR_STYLE}<ol class=list-inline><li>1</li><li>2</li><li>3</li></ol>\n`, "text/markdown": "1. 1\n2. 2\n3. 3\n", "text/plain": "[1] 1 2 3" },
  string: { "text/html": "'R'", "text/markdown": "'R'", "text/plain": "[1] \"R\"" },
  number: { "text/html": "2", "text/markdown": "2", "text/plain": "[1] 2" },
  named: { "text/html": `${VECTOR_STYLE}<dl class=dl-inline><dt>a</dt><dd>1</dd></dl>\n`, "text/plain": "a \n1 " },
  factor: { "text/html": `${VECTOR_STYLE}<ol class=list-inline><li>a</li></ol>\n<details><summary style=display:list-item;cursor:pointer>\n<strong>Levels</strong>:\n</summary>\n<style>x{}</style><ol class=list-inline><li>'a'</li></ol>\n</details>`, "text/plain": "[1] a\nLevels: a" },
  matrix: { "text/html": "<table class=\"dataframe\">\n<caption>A matrix: 1 × 1 of type int</caption>\n<tbody>\n\t<tr><td>1</td></tr>\n</tbody>\n</table>\n", "text/plain": "     [,1]\n[1,]    1" },
};

describe("IRkernel values", () => {
  it("shows vectors, named vectors, factors and scalars as R prints them, not as HTML lists", () => {
    for (const bundle of [IR.ints, IR.string, IR.number, IR.named, IR.factor]) {
      expect(present(bundle)).toEqual({ kind: "text", text: bundle["text/plain"] });
    }
  });

  it("keeps a matrix's HTML table, drawn inline", () => {
    expect(present(IR.matrix)).toEqual({ kind: "html", html: IR.matrix["text/html"], mode: "inline" });
  });

  it("keeps HTML that has no plain form, even when it looks like a list", () => {
    expect(present({ "text/html": IR.ints["text/html"] })).toEqual({ kind: "html", html: IR.ints["text/html"], mode: "frame" });
  });
});

describe("htmlMode", () => {
  it("draws markup and tables inline and frames what needs styles, scripts, media or a document", () => {
    expect(htmlMode("<b>total</b>: <i>42</i><table><tr><td>1</td></tr></table>")).toBe("inline");
    expect(htmlMode("<p>a <img src=\"data:image/png;base64,AA==\"></p>")).toBe("inline");
    for (const html of ["<style>b{}</style>x", "<script>1</script>", "<SVG viewBox='0 0 1 1'/>", "<html><body>x</body></html>",
      "<link rel=stylesheet href=x>", "<iframe src=x>", "<form><input></form>", "<canvas/>"]) {
      expect(htmlMode(html)).toBe("frame");
    }
  });

  it("tells a vector's HTML from other markup", () => {
    expect(isVectorRepr("2")).toBe(true);
    expect(isVectorRepr(IR.factor["text/html"])).toBe(true);
    expect(isVectorRepr("<p>text</p>")).toBe(false);
    expect(isVectorRepr("<b>bold html</b><script>alert(1)</script>")).toBe(false);
  });
});

describe("present", () => {
  it("prefers images, then HTML, then markdown, then plain text", () => {
    expect(present({ "image/png": "iVBO\nRw==", "text/plain": "<plot>" })).toEqual({ kind: "image", mime: "image/png", src: "data:image/png;base64,iVBORw==" });
    expect(present({ "text/html": "<b>x</b>", "text/markdown": "**x**", "text/plain": "x" })).toEqual({ kind: "html", html: "<b>x</b>", mode: "inline" });
    expect(present({ "text/markdown": "**x**", "text/plain": "x" })).toEqual({ kind: "markdown", markdown: "**x**" });
    expect(present({ "text/plain": "" })).toEqual({ kind: "text", text: "" });
    expect(present({ "text/latex": "$x$" })).toEqual({ kind: "text", text: "$x$" });
    expect(present({ "application/octet-stream": "AAAA" })).toBeNull();
  });

  it("shows a data frame's table form before its HTML or text, and ignores a malformed one", () => {
    const table = { columns: [{ name: "a", type: "integer" }], rows: [["1"]], rowNames: null, totalRows: 1, totalColumns: 1 };
    const bundle = { "application/vnd.kernelbook.table+json": JSON.stringify(table), "text/html": "<table></table>", "text/plain": "  a\n1 1" };
    expect(present(bundle)).toEqual({ kind: "table", table });
    expect(present({ ...bundle, "application/vnd.kernelbook.table+json": "{\"rows\": 3}" })).toEqual({ kind: "html", html: "<table></table>", mode: "inline" });
  });

  it("turns SVG into an image URL, never markup", () => {
    const p = present({ "image/svg+xml": "<svg onload='alert(1)'></svg>" });
    expect(p?.kind).toBe("image");
    expect(p && p.kind === "image" && p.src.startsWith("data:image/svg+xml;charset=utf-8,%3Csvg")).toBe(true);
    expect(svgDataUrl("PHN2Zz4=")).toBe("data:image/svg+xml;base64,PHN2Zz4=");
  });

  it("sizes HTML frames by their rows, within bounds", () => {
    expect(estimateHtmlHeight("<p>hi</p>")).toBe(50);
    expect(estimateHtmlHeight("<table>" + "<tr><td>1</td></tr>".repeat(5) + "</table>")).toBe(154);
    expect(estimateHtmlHeight("<table>" + "<tr><td>1</td></tr>".repeat(500) + "</table>")).toBe(480);
  });
});
