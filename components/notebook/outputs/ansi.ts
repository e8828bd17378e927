// Terminal control sequences in kernel text (ANSI colours in IRkernel tracebacks and cli messages,
// \r progress bars): parsed into styled spans (with anser) for the output renderers, which show
// them as React text, never as HTML; or reduced to plain text where no styling fits.
import Anser from "anser";

// CSI sequences (colours, cursor moves) and OSC sequences (titles, hyperlinks).
const ANSI_PATTERN = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[@-Z\\-_]/g;
const OSC_PATTERN = /\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)/g;

/** The 16 standard colours, styled by the theme; anything else is an explicit rgb(). */
export const NAMED_COLOURS = [
  "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
  "bright-black", "bright-red", "bright-green", "bright-yellow", "bright-blue", "bright-magenta", "bright-cyan", "bright-white",
] as const;
export type NamedColour = (typeof NAMED_COLOURS)[number];
export type AnsiColour = { named: NamedColour } | { rgb: string };

export type AnsiSpan = {
  text: string;
  fg: AnsiColour | null;
  bg: AnsiColour | null;
  bold: boolean;
  dim: boolean;
  italic: boolean;
  underline: boolean;
};

export function stripAnsi(text: string): string {
  return text.replace(ANSI_PATTERN, "");
}

export function hasAnsi(text: string): boolean {
  return text.includes("\u001b");
}

/** Splits text into runs of one style; sequences that are not colours or decorations are dropped. */
export function parseAnsi(text: string): AnsiSpan[] {
  const entries = Anser.ansiToJson(text.replace(OSC_PATTERN, ""), { use_classes: true, remove_empty: true });
  const spans: AnsiSpan[] = [];
  for (const entry of entries) {
    const span: AnsiSpan = {
      text: entry.content,
      fg: toColour(entry.fg, entry.fg_truecolor),
      bg: toColour(entry.bg, entry.bg_truecolor),
      bold: entry.decorations.includes("bold"),
      dim: entry.decorations.includes("dim"),
      italic: entry.decorations.includes("italic"),
      underline: entry.decorations.includes("underline"),
    };
    const last = spans.at(-1);
    if (last && sameStyle(last, span)) last.text += span.text;
    else spans.push(span);
  }
  return spans;
}

function sameStyle(a: AnsiSpan, b: AnsiSpan): boolean {
  const { text: _a, ...styleA } = a;
  const { text: _b, ...styleB } = b;
  return JSON.stringify(styleA) === JSON.stringify(styleB);
}

/** anser's class names ("ansi-red", "ansi-palette-208", "ansi-truecolor") as a colour. */
function toColour(name: string | null, truecolor: string | null): AnsiColour | null {
  if (!name) return null;
  if (name === "ansi-truecolor") return truecolor ? { rgb: `rgb(${truecolor})` } : null;
  const palette = /^ansi-palette-(\d+)$/.exec(name);
  if (palette) return paletteColour(Number(palette[1]));
  const named = name.replace(/^ansi-/, "");
  return (NAMED_COLOURS as readonly string[]).includes(named) ? { named: named as NamedColour } : null;
}

/** xterm's 256-colour palette: the 16 named colours, a 6x6x6 cube, then 24 greys. */
function paletteColour(index: number): AnsiColour | null {
  if (index < 16) return { named: NAMED_COLOURS[index] };
  if (index < 232) {
    const levels = [0, 95, 135, 175, 215, 255];
    const n = index - 16;
    return { rgb: `rgb(${levels[Math.floor(n / 36)]}, ${levels[Math.floor(n / 6) % 6]}, ${levels[n % 6]})` };
  }
  if (index < 256) {
    const grey = 8 + 10 * (index - 232);
    return { rgb: `rgb(${grey}, ${grey}, ${grey})` };
  }
  return null;
}

/** Applies carriage returns the way a terminal shows them: each line keeps what was written last. */
export function applyCarriageReturns(text: string): string {
  if (!text.includes("\r")) return text;
  return text
    .replace(/\r\n/g, "\n")
    .split("\n")
    .map((line) => {
      const parts = line.split("\r").filter((part, i, all) => part !== "" || i === all.length - 1);
      let shown = "";
      for (const part of parts) shown = part + shown.slice(part.length);
      return shown;
    })
    .join("\n");
}

export function toPlainText(text: string): string {
  return applyCarriageReturns(stripAnsi(text));
}
