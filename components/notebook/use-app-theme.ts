"use client";
// The app's current theme (html[data-theme]), followed live so Monaco can switch vs / vs-dark.
import { useSyncExternalStore } from "react";

export type AppTheme = "light" | "dark";

function subscribe(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
  return () => observer.disconnect();
}

function read(): AppTheme {
  return document.documentElement.dataset.theme === "dark" ? "dark" : "light";
}

export function useAppTheme(): AppTheme {
  return useSyncExternalStore(subscribe, read, () => "light");
}
