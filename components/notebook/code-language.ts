"use client";
// The language a notebook's code cells are written in (its kernel's: R, or Python on a Python
// kernel such as Backend.AI's CNTK image), for highlighting, the editor and placeholders.
import { createContext, useContext } from "react";
import type { CodeLanguage } from "./highlight-code";

export const CodeLanguageContext = createContext<CodeLanguage>("r");

export function useCodeLanguage(): CodeLanguage {
  return useContext(CodeLanguageContext);
}

export function languageName(language: CodeLanguage): string {
  return language === "python" ? "Python" : "R";
}

export function toCodeLanguage(value: string | null | undefined): CodeLanguage {
  return value === "python" ? "python" : "r";
}
