import { describe, expect, it } from "vitest";
import { estimateHtmlHeight, present, svgDataUrl } from "./mime";

describe("present", () => {
  it("prefers images, then HTML, then markdown, then plain text", () => {
    expect(present({ "image/png": "iVBO\nRw==", "text/plain": "<plot>" })).toEqual({ kind: "image", mime: "image/png", src: "data:image/png;base64,iVBORw==" });
    expect(present({ "text/html": "<b>x</b>", "text/markdown": "**x**", "text/plain": "x" })).toEqual({ kind: "html", html: "<b>x</b>" });
    expect(present({ "text/markdown": "**x**", "text/plain": "x" })).toEqual({ kind: "markdown", markdown: "**x**" });
    expect(present({ "text/plain": "" })).toEqual({ kind: "text", text: "" });
    expect(present({ "text/latex": "$x$" })).toEqual({ kind: "text", text: "$x$" });
    expect(present({ "application/octet-stream": "AAAA" })).toBeNull();
  });

  it("shows a data frame's table form before its HTML or text, and ignores a malformed one", () => {
    const table = { columns: [{ name: "a", type: "integer" }], rows: [["1"]], rowNames: null, totalRows: 1, totalColumns: 1 };
    const bundle = { "application/vnd.kernelbook.table+json": JSON.stringify(table), "text/html": "<table></table>", "text/plain": "  a\n1 1" };
    expect(present(bundle)).toEqual({ kind: "table", table });
    expect(present({ ...bundle, "application/vnd.kernelbook.table+json": "{\"rows\": 3}" })).toEqual({ kind: "html", html: "<table></table>" });
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
