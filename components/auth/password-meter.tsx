"use client";
// The strength meter under a new-password field: the same verdict the server gives (password-policy),
// computed as the user types; the dictionaries load only when a form with a meter is shown.
import { useEffect, useState } from "react";
import type { PasswordVerdict } from "@/server/contracts/password-policy";
import styles from "./password-meter.module.css";

const LABELS = ["Too weak", "Weak", "Fair", "Good", "Strong"] as const;

export function PasswordMeter({ password, email }: { password: string; email: string }) {
  const [verdict, setVerdict] = useState<PasswordVerdict | null>(null);
  useEffect(() => {
    if (!password) return setVerdict(null);
    let current = true;
    const timer = setTimeout(async () => {
      const { checkPassword } = await import("@/server/contracts/password-policy");
      const next = await checkPassword({ password, email });
      if (current) setVerdict(next);
    }, 120);
    return () => { current = false; clearTimeout(timer); };
  }, [password, email]);
  if (!verdict) return null;
  return (
    <div className={styles.meter} data-testid="password-meter" data-score={verdict.score} data-ok={verdict.ok}>
      <div className={styles.bars} aria-hidden="true">
        {LABELS.slice(1).map((label, i) => <span key={label} className={i < verdict.score ? styles[`on${verdict.score}`] : undefined} />)}
      </div>
      <span className={styles.label} aria-live="polite">
        {verdict.ok ? `Strength: ${LABELS[verdict.score]}` : verdict.problem}
      </span>
    </div>
  );
}
