"use client";
// Calling a web service from the panel: its inputs as JSON (a template by type to start from),
// checked before sending, and the result: success, outputs by name, console output, error.
import { useMutation } from "@tanstack/react-query";
import { useState, type KeyboardEvent } from "react";
import { useTRPC } from "@/components/providers/trpc-provider";
import { errorMessage } from "@/components/notebook/client-errors";
import { inputTemplate, outputRows, parseCallInputs } from "./call-inputs";
import type { CallResultData, ServiceData } from "./types";
import styles from "./mlserver.module.css";

export function ServiceCall({ service }: { service: ServiceData }) {
  const trpc = useTRPC();
  const [text, setText] = useState(() => inputTemplate(service.inputs));
  const [parseError, setParseError] = useState<string | null>(null);
  const call = useMutation(trpc.mlserver.callService.mutationOptions());

  const send = () => {
    if (call.isPending) return;
    const parsed = parseCallInputs(text, service.inputs);
    setParseError(parsed.ok ? null : parsed.message);
    if (parsed.ok) call.mutate({ name: service.name, version: service.version, inputs: parsed.inputs });
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      send();
    }
  };

  const id = `call-${service.name}-${service.version}`;
  return (
    <div className={styles.section}>
      <label className={styles.legend} htmlFor={id}>Inputs (JSON)</label>
      <textarea id={id} className={`input ${styles.callInput}`} data-testid="service-call-input" value={text} spellCheck={false} autoFocus
        aria-invalid={parseError !== null} aria-describedby={parseError ? `${id}-error` : undefined}
        onChange={(e) => setText(e.target.value)} onKeyDown={onKeyDown} />
      {parseError && <p id={`${id}-error`} className={styles.error} role="alert" data-testid="service-call-parse-error">{parseError}</p>}
      <div className={styles.actions}>
        <button type="button" className="btn btn-primary" data-testid="service-call-submit" disabled={call.isPending} title="Call the service (Ctrl+Enter)" onClick={send}>
          {call.isPending ? "Calling…" : "Call service"}
        </button>
      </div>
      {call.isError && <p className={styles.error} role="alert" data-testid="service-call-error">{errorMessage(call.error)}</p>}
      {call.isSuccess && <CallResult result={call.data} />}
    </div>
  );
}

function CallResult({ result }: { result: CallResultData }) {
  const rows = outputRows(result.outputs);
  return (
    <div className={styles.result} data-testid="service-call-result" role="status">
      <span className={result.success ? styles.ok : styles.failed}>{result.success ? "Succeeded" : "Failed"}</span>
      {result.errorMessage && <pre className={`${styles.code} error-text`} data-testid="service-call-error-message">{result.errorMessage}</pre>}
      {rows.length > 0 && (
        <table className={styles.outputs} data-testid="service-call-outputs">
          <thead><tr><th scope="col">Output</th><th scope="col">Value</th></tr></thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.name}><th scope="row">{r.name}</th><td>{r.text}</td></tr>
            ))}
          </tbody>
        </table>
      )}
      {result.consoleOutput && (
        <>
          <span className={styles.legend}>Console output</span>
          <pre className={styles.code} data-testid="service-call-console">{result.consoleOutput}</pre>
        </>
      )}
      {Object.keys(result.outputFiles).length > 0 && (
        <span className={styles.meta}>Files returned: {Object.keys(result.outputFiles).join(", ")}</span>
      )}
    </div>
  );
}
