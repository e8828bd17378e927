// One labelled input of the sign-in and sign-up forms.
import type { InputHTMLAttributes } from "react";
import styles from "./auth-form.module.css";

export function AuthField({ label, name, ...input }: { label: string; name: string } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <div className={styles.field}>
      <label htmlFor={name}>{label}</label>
      <input id={name} name={name} className="input" {...input} />
    </div>
  );
}
