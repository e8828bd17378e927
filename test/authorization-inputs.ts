// A valid input for every tRPC procedure, built from one owner's fixtures, for the authorization
// matrix (server/api/authorization-matrix.int.test.ts). A procedure missing here fails that test.
import { randomUUID } from "node:crypto";

export type Fixture = {
  ownerId: string; notebookId: string; cellId: string; executionId: string; readyDatasetId: string; uploadingDatasetId: string;
  shareLinkId: string; kernelSessionId: string; authSessionId: string;
};

const minimalIpynb = JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells: [{ cell_type: "code", id: "c1", metadata: {}, source: "1", outputs: [], execution_count: null }] });

export const INPUTS: Record<string, (f: Fixture) => unknown> = {
  "user.signUp": () => ({ email: `matrix-${randomUUID()}@test.local`, password: "a-good-password" }),
  "user.signUpOpen": () => undefined,
  "user.me": () => undefined,
  "user.changePassword": () => ({ currentPassword: "not-the-fixture-password", newPassword: "a-fresh-long-password" }),

  "session.list": () => undefined,
  "session.revoke": (f) => ({ id: f.authSessionId }),
  "session.revokeAll": () => undefined,

  "notebook.list": () => undefined,
  "notebook.create": () => ({}),
  "notebook.examples": () => undefined,
  "notebook.createFromExample": () => ({ exampleId: "mro-linear-algebra" }),
  "notebook.import": () => ({ filename: "m.ipynb", content: minimalIpynb }),
  "notebook.get": (f) => ({ id: f.notebookId }),
  "notebook.rename": (f) => ({ id: f.notebookId, title: "renamed" }),
  "notebook.delete": (f) => ({ id: f.notebookId }),
  "notebook.save": (f) => ({ id: f.notebookId, version: 1, cells: [{ id: f.cellId, kind: "code", source: "1" }] }),
  "notebook.export": (f) => ({ id: f.notebookId, format: "rmd" }),

  "execution.run": (f) => ({ notebookId: f.notebookId, cells: [{ cellId: f.cellId, source: "1" }] }),
  "execution.sendInput": (f) => ({ notebookId: f.notebookId, executionId: f.executionId, value: "x" }),
  "execution.history": (f) => ({ notebookId: f.notebookId }),
  "execution.onEvent": (f) => ({ notebookId: f.notebookId }),

  "kernel.specs": () => undefined,
  "kernel.get": (f) => ({ notebookId: f.notebookId }),
  "kernel.start": (f) => ({ notebookId: f.notebookId }),
  "kernel.interrupt": (f) => ({ notebookId: f.notebookId }),
  "kernel.restart": (f) => ({ notebookId: f.notebookId }),
  "kernel.shutdown": (f) => ({ notebookId: f.notebookId }),
  "kernel.complete": (f) => ({ notebookId: f.notebookId, code: "su", cursor: 2 }),
  "kernel.inspect": (f) => ({ notebookId: f.notebookId, code: "sum", cursor: 3 }),
  "kernel.files": (f) => ({ notebookId: f.notebookId, path: "." }),
  "kernel.variables": (f) => ({ notebookId: f.notebookId }),
  "kernel.choice": (f) => ({ notebookId: f.notebookId }),
  "kernel.choose": (f) => ({ notebookId: f.notebookId, provider: "webr", spec: "r" }),

  "credential.list": () => undefined,
  "credential.save": () => ({ provider: "backendai", accessKey: "AKMATRIX", secretKey: "not-a-secret" }),
  "credential.delete": () => ({ provider: "backendai" }),

  "mlserver.snapshots": () => undefined,
  "mlserver.services": () => undefined,
  "mlserver.publish": () => ({ name: "matrix", version: "1", code: "y <- 1", inputs: [], outputs: [] }),
  "mlserver.deleteSnapshot": () => ({ snapshotId: "s1" }),
  "mlserver.swagger": () => ({ name: "matrix", version: "1" }),
  "mlserver.callService": () => ({ name: "matrix", version: "1", inputs: {} }),
  "mlserver.deleteService": () => ({ name: "matrix", version: "1" }),
  "mlserver.saveSnapshot": (f) => ({ notebookId: f.notebookId, name: "s" }),
  "mlserver.startFromSnapshot": (f) => ({ notebookId: f.notebookId, snapshotId: "s1" }),

  "dataset.list": () => undefined,
  "dataset.usage": () => undefined,
  "dataset.beginUpload": () => ({ name: "m.csv", size: 10, contentType: "text/csv", lastModified: 1 }),
  "dataset.renewUpload": (f) => ({ datasetId: f.uploadingDatasetId }),
  "dataset.completeUpload": (f) => ({ datasetId: f.uploadingDatasetId }),
  "dataset.cancelUpload": (f) => ({ datasetId: f.uploadingDatasetId }),
  "dataset.rename": (f) => ({ datasetId: f.readyDatasetId, name: "renamed.csv" }),
  "dataset.downloadUrl": (f) => ({ datasetId: f.readyDatasetId }),
  "dataset.delete": (f) => ({ datasetId: f.readyDatasetId }),
  "dataset.preview": (f) => ({ datasetId: f.readyDatasetId }),
  "dataset.attach": (f) => ({ datasetId: f.readyDatasetId, notebookId: f.notebookId }),

  "share.create": (f) => ({ notebookId: f.notebookId, expiresInDays: 7 }),
  "share.list": (f) => ({ notebookId: f.notebookId }),
  "share.revoke": (f) => ({ id: f.shareLinkId }),

  "admin.users": () => ({ query: "" }),
  "admin.setRole": (f) => ({ userId: f.ownerId, role: "USER" }),
  "admin.setDisabled": (f) => ({ userId: f.ownerId, disabled: true }),
  "admin.resetPassword": (f) => ({ userId: f.ownerId }),
  "admin.kernels": () => undefined,
  "admin.stopKernel": (f) => ({ sessionId: f.kernelSessionId }),
  "admin.audit": () => ({}),
  "admin.auditActions": () => undefined,

  "adminStats.usage": () => ({ from: "2026-11-01", to: "2026-11-21" }),
  "adminStats.health": () => undefined,
  "adminStats.storage": () => undefined,
};
