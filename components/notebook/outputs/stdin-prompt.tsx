"use client";
// The kernel waits for a line of input (R's readline): the prompt, then a box; Enter sends the
// answer with execution.sendInput. Once the kernel has it, the output shows prompt and answer.
import { useMutation } from "@tanstack/react-query";
import { useParams } from "next/navigation";
import { useState, type FormEvent } from "react";
import { errorMessage } from "@/components/notebook/client-errors";
import { useTRPC } from "@/components/providers/trpc-provider";
import styles from "./outputs.module.css";

type Props = { prompt: string; password: boolean; executionId: string };

export function StdinPrompt({ prompt, password, executionId }: Props) {
  // Outputs render inside the notebook page (/notebooks/[id]), whose id names the notebook.
  const { id: notebookId } = useParams<{ id: string }>();
  const trpc = useTRPC();
  const send = useMutation(trpc.execution.sendInput.mutationOptions());
  const [value, setValue] = useState("");
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!send.isPending) send.mutate({ notebookId, executionId, value });
  };
  return (
    <form className={styles.stdin} onSubmit={submit}>
      <label className={styles.stdinLine}>
        <span className={styles.stdinPrompt}>{prompt}</span>
        <input
          data-testid="stdin-input"
          className={styles.stdinInput}
          type={password ? "password" : "text"}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          aria-label={prompt.trim() || "Input for the running cell"}
          autoComplete="off"
          spellCheck={false}
          autoFocus
          readOnly={send.isPending || send.isSuccess}
        />
      </label>
      {send.error && <span role="alert" className={styles.stdinError}>{errorMessage(send.error)}</span>}
    </form>
  );
}
