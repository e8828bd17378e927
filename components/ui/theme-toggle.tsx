"use client";
// Switches between light and dark themes; the choice is kept in localStorage.
import { useEffect, useState } from "react";

export function ThemeToggle() {
  const [theme, setTheme] = useState<"light" | "dark" | null>(null);
  useEffect(() => setTheme(document.documentElement.dataset.theme === "dark" ? "dark" : "light"), []);
  const toggle = () => {
    const next = theme === "dark" ? "light" : "dark";
    document.documentElement.dataset.theme = next;
    localStorage.setItem("kb-theme", next);
    setTheme(next);
  };
  return (
    <button type="button" className="btn btn-ghost" onClick={toggle} aria-label="Toggle dark mode" title="Toggle dark mode">
      {theme === "dark" ? "☀" : "☾"}
    </button>
  );
}
