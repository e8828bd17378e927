"use client";
// The markdown renderer, loaded only when needed (a notebook of code cells does not pay for the
// parser up front): server-rendered as usual, and preloaded in the background once the page is idle.
import dynamic from "next/dynamic";

const load = () => import("./markdown-view").then((m) => m.MarkdownView);

export const LazyMarkdown = dynamic(load, { loading: () => null });

export function preloadMarkdown(): void {
  void load();
}
