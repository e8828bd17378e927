"use client";
// One web service in the panel: name, version, description, typed inputs and outputs, and its
// actions: the swagger document and the call form (each opened in place), and Delete. A service
// just published is scrolled into view with its Call button focused.
import { useEffect, useRef, useState } from "react";
import { ServiceCall } from "./service-call";
import { ServiceSwagger } from "./service-swagger";
import { describeParameters, formatCreatedAt } from "./mlserver-format";
import type { ServiceData } from "./types";
import styles from "./mlserver.module.css";

type Props = { service: ServiceData; focused: boolean; deleting: boolean; onDelete: () => void };

export function ServiceRow({ service, focused, deleting, onDelete }: Props) {
  const [open, setOpen] = useState({ swagger: false, call: false });
  const ref = useRef<HTMLLIElement>(null);
  const callButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!focused) return;
    ref.current?.scrollIntoView({ block: "nearest" });
    callButton.current?.focus();
  }, [focused]);
  const toggle = (part: "swagger" | "call") => setOpen((o) => ({ ...o, [part]: !o[part] }));

  return (
    <li ref={ref} className={`${styles.item} ${focused ? styles.focused : ""}`} data-testid="service-row"
      data-service={`${service.name}/${service.version}`}>
      <div className={styles.itemHead}>
        <span className={styles.itemName}>{service.name}</span>
        <span className="badge">v{service.version}</span>
        <span className={styles.meta}>{service.runtime}{service.createdAt ? ` · ${formatCreatedAt(service.createdAt)}` : ""}</span>
      </div>
      {service.description && <p className={`${styles.hint}`}>{service.description}</p>}
      <dl className={styles.params}>
        <dt>Inputs</dt><dd data-testid="service-inputs">{describeParameters(service.inputs)}</dd>
        <dt>Outputs</dt><dd data-testid="service-outputs">{describeParameters(service.outputs)}</dd>
        {service.snapshotId && <><dt>Snapshot</dt><dd>{service.snapshotId}</dd></>}
      </dl>
      <div className={styles.actions}>
        <button type="button" className="btn" data-testid="service-swagger" aria-expanded={open.swagger} onClick={() => toggle("swagger")}>
          {open.swagger ? "Hide swagger" : "Swagger"}
        </button>
        <button ref={callButton} type="button" className="btn" data-testid="service-call" aria-expanded={open.call} onClick={() => toggle("call")}>
          {open.call ? "Hide call" : "Call"}
        </button>
        <button type="button" className="btn btn-danger" data-testid="service-delete" disabled={deleting} onClick={onDelete}>
          {deleting ? "Deleting…" : "Delete"}
        </button>
      </div>
      {open.swagger && <div className={styles.section}><ServiceSwagger name={service.name} version={service.version} /></div>}
      {open.call && <ServiceCall service={service} />}
    </li>
  );
}
