"use client";
// Kernel text with its ANSI colours and decorations, as React text spans (never HTML).
import { memo, useMemo, type CSSProperties } from "react";
import { hasAnsi, parseAnsi, type AnsiColour, type AnsiSpan } from "./ansi";
import styles from "./ansi.module.css";

export const AnsiText = memo(function AnsiText({ text }: { text: string }) {
  const spans = useMemo(() => (hasAnsi(text) ? parseAnsi(text) : null), [text]);
  if (!spans) return <>{text}</>;
  return <>{spans.map((span, i) => <StyledSpan key={i} span={span} />)}</>;
});

function StyledSpan({ span }: { span: AnsiSpan }) {
  const classes = [
    colourClass(span.fg, "fg"), colourClass(span.bg, "bg"),
    span.bold && styles.bold, span.dim && styles.dim, span.italic && styles.italic, span.underline && styles.underline,
  ].filter(Boolean);
  if (classes.length === 0 && !span.fg && !span.bg) return <>{span.text}</>;
  const style: CSSProperties = {};
  if (span.fg && "rgb" in span.fg) style.color = span.fg.rgb;
  if (span.bg && "rgb" in span.bg) style.backgroundColor = span.bg.rgb;
  return <span className={classes.join(" ")} style={style}>{span.text}</span>;
}

function colourClass(colour: AnsiColour | null, layer: "fg" | "bg"): string | null {
  return colour && "named" in colour ? (styles[`${layer}-${colour.named}`] ?? null) : null;
}
