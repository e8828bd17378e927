"use client";
// "Publish as web service…": ML Server's operationalization of notebook code. Name and version
// the service, choose the cells whose code it runs, declare its typed inputs and outputs and,
// optionally, a snapshot whose workspace it starts from; then publish and show it in the panel.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useMemo, useRef, useState, type FormEvent } from "react";
import { useTRPC } from "@/components/providers/trpc-provider";
import { errorMessage } from "@/components/notebook/client-errors";
import type { DocCell } from "@/components/notebook/types";
import { CellChooser } from "./cell-chooser";
import { MlDialog } from "./ml-dialog";
import { ParameterEditor } from "./parameter-editor";
import { newParameterRow, publishProblem, toParameters, type ParameterRow } from "./parameter-rows";
import { ServiceFields, SnapshotSelect, type ServiceFieldValues } from "./publish-fields";
import { codeCellChoices, defaultChosen, joinChosenCode, toggleChosen } from "./publish-code";
import styles from "./mlserver.module.css";

type Props = {
  cells: DocCell[];
  selectedId: string | null;
  onPublished: (service: { name: string; version: string }) => void;
  onClose: () => void;
};

export function PublishDialog({ cells, selectedId, onPublished, onClose }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [fields, setFields] = useState<ServiceFieldValues>({ name: "", version: "1.0", description: "" });
  const [chosen, setChosen] = useState(() => defaultChosen(cells, selectedId));
  const [inputs, setInputs] = useState<ParameterRow[]>([]);
  const [outputs, setOutputs] = useState<ParameterRow[]>([]);
  const [snapshotId, setSnapshotId] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const nextKey = useRef(0);
  const newRow = () => newParameterRow(`row-${nextKey.current++}`);

  const choices = useMemo(() => codeCellChoices(cells), [cells]);
  const code = useMemo(() => joinChosenCode(cells, chosen), [cells, chosen]);
  const publish = useMutation(trpc.mlserver.publish.mutationOptions({
    onSuccess: async (service) => {
      await queryClient.invalidateQueries({ queryKey: trpc.mlserver.services.queryKey() });
      onPublished(service);
    },
  }));
  const busy = publish.isPending;

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (busy) return;
    const found = publishProblem({ ...fields, code, inputs, outputs });
    setProblem(found);
    if (found) return;
    publish.mutate({
      name: fields.name.trim(), version: fields.version.trim(), description: fields.description.trim() || undefined, code,
      inputs: toParameters(inputs), outputs: toParameters(outputs), snapshotId: snapshotId || null,
    });
  };

  const error = problem ?? (publish.isError ? errorMessage(publish.error) : null);
  return (
    <MlDialog title="Publish as web service" testId="publish-dialog" size="wide" backdropCloses={false} onClose={onClose}>
      <form className={styles.dialogBody} onSubmit={onSubmit} noValidate>
        <ServiceFields values={fields} disabled={busy} onChange={(patch) => setFields((f) => ({ ...f, ...patch }))} />
        <CellChooser choices={choices} chosen={chosen} code={code} disabled={busy}
          onToggle={(id, on) => setChosen((current) => toggleChosen(current, id, on))} />
        <ParameterEditor kind="input" rows={inputs} disabled={busy} onChange={setInputs} onAdd={() => setInputs((rows) => [...rows, newRow()])} />
        <ParameterEditor kind="output" rows={outputs} disabled={busy} onChange={setOutputs} onAdd={() => setOutputs((rows) => [...rows, newRow()])} />
        <SnapshotSelect value={snapshotId} disabled={busy} onChange={setSnapshotId} />
        {error && <p className={styles.error} role="alert" data-testid="publish-error">{error}</p>}
        <div className="actions">
          <button type="button" className="btn" onClick={onClose}>{busy ? "Close" : "Cancel"}</button>
          <button type="submit" className="btn btn-primary" data-testid="publish-submit" disabled={busy}>
            {busy ? "Publishing…" : "Publish"}
          </button>
        </div>
      </form>
    </MlDialog>
  );
}
