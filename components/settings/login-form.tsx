"use client";
// The form storing a login: access key + secret key (Backend.AI) or user name + password (ML
// Server). The server tries it on the provider before keeping it; the secret field is cleared after.
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/providers/trpc-provider";
import { errorMessage } from "@/components/notebook/client-errors";
import styles from "./settings.module.css";

type Props = { provider: "backendai" | "mlserver"; replacing: boolean; onSaved: () => void };

const FIELDS = {
  backendai: [{ name: "accessKey", label: "Access key", secret: false }, { name: "secretKey", label: "Secret key", secret: true }],
  mlserver: [{ name: "username", label: "User name", secret: false }, { name: "password", label: "Password", secret: true }],
} as const;

export function LoginForm({ provider, replacing, onSaved }: Props) {
  const trpc = useTRPC();
  const [formKey, setFormKey] = useState(0);
  const save = useMutation(trpc.credential.save.mutationOptions({
    onSuccess: () => {
      setFormKey((k) => k + 1); // a fresh, empty form: the secret does not linger in the page
      onSaved();
    },
  }));
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const value = (name: string) => String(form.get(name) ?? "");
    save.mutate(provider === "backendai"
      ? { provider, accessKey: value("accessKey"), secretKey: value("secretKey") }
      : { provider, username: value("username"), password: value("password") });
  };
  return (
    <form key={formKey} className={styles.form} onSubmit={onSubmit} data-testid={`login-${provider}-form`} autoComplete="off">
      {FIELDS[provider].map((f) => (
        <FieldRow key={f.name} id={`${provider}-${f.name}`} name={f.name} label={f.label} secret={f.secret} />
      ))}
      {save.isError && <p className={styles.error} role="alert">{errorMessage(save.error)}</p>}
      <div className={styles.actions}>
        <button type="submit" className="btn btn-primary" disabled={save.isPending}>
          {save.isPending ? "Checking…" : replacing ? "Replace" : "Save"}
        </button>
      </div>
    </form>
  );
}

function FieldRow({ id, name, label, secret }: { id: string; name: string; label: string; secret: boolean }) {
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <input id={id} name={name} className="input" required type={secret ? "password" : "text"}
        autoComplete={secret ? "new-password" : "off"} spellCheck={false} />
    </>
  );
}
