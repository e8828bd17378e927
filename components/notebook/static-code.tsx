"use client";
// Code shown without an editor (every cell but the one being edited, and history entries):
// highlighted once per source; a click reports the clicked line so the editor can open there.
import { memo, useMemo, type MouseEvent } from "react";
import { useCodeLanguage } from "./code-language";
import { highlightCode } from "./highlight-code";
import styles from "./static-code.module.css";

type Props = {
  source: string;
  /** Called with the 1-based line clicked; without it the code is read-only. */
  onActivate?: (line: number) => void;
  placeholder?: string;
  testId?: string;
  maxLines?: number;
};

export const StaticCode = memo(function StaticCode({ source, onActivate, placeholder, testId = "cell-code", maxLines }: Props) {
  const shown = useMemo(() => (maxLines ? firstLines(source, maxLines) : source), [source, maxLines]);
  const language = useCodeLanguage();
  const html = useMemo(() => highlightCode(shown, language), [shown, language]);
  const onClick = onActivate ? (e: MouseEvent<HTMLPreElement>) => onActivate(clickedLine(e)) : undefined;
  return (
    <pre
      className={`${styles.code} ${onActivate ? styles.editable : ""}`}
      data-testid={testId}
      data-placeholder={placeholder}
      onClick={onClick}
    >
      <code className={`hljs language-${language}`} dangerouslySetInnerHTML={{ __html: html }} />
    </pre>
  );
});

function firstLines(source: string, count: number): string {
  const lines = source.split("\n");
  return lines.length <= count ? source : `${lines.slice(0, count).join("\n")}\n…`;
}

function clickedLine(e: MouseEvent<HTMLPreElement>): number {
  const pre = e.currentTarget;
  const style = getComputedStyle(pre);
  const lineHeight = parseFloat(style.lineHeight) || 19;
  const top = pre.getBoundingClientRect().top + (parseFloat(style.paddingTop) || 0);
  return Math.max(1, Math.floor((e.clientY - top) / lineHeight) + 1);
}
