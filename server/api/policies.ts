// Who may call each tRPC procedure, declared once. The authorization matrix test calls every
// procedure of the router as each kind of caller and checks it against this table; a procedure
// missing here fails that test, so a new procedure cannot ship without a declared policy.
export type Policy =
  /** Anyone, signed in or not (sign-up). */
  | "public"
  /** Any signed-in user, acting on their own things only (no id of someone else's resource in the input). */
  | "user"
  /** A signed-in user, on a resource (notebook, dataset…) named in the input that they own; others get NOT_FOUND. */
  | "owner"
  /** Admins only; everyone else gets NOT_FOUND (the feature does not exist for them). */
  | "admin";

export const POLICIES: Record<string, Policy> = {
  "user.signUp": "public",
  "user.signUpOpen": "public",
  "user.me": "user",
  "user.changePassword": "user",

  "session.list": "user",
  "session.revoke": "owner",
  "session.revokeAll": "user",

  "notebook.list": "user",
  "notebook.create": "user",
  "notebook.examples": "user",
  "notebook.createFromExample": "user",
  "notebook.import": "user",
  "notebook.get": "owner",
  "notebook.rename": "owner",
  "notebook.delete": "owner",
  "notebook.save": "owner",
  "notebook.export": "owner",

  "execution.run": "owner",
  "execution.sendInput": "owner",
  "execution.history": "owner",
  "execution.onEvent": "owner",

  "kernel.specs": "user",
  "kernel.get": "owner",
  "kernel.start": "owner",
  "kernel.interrupt": "owner",
  "kernel.restart": "owner",
  "kernel.shutdown": "owner",
  "kernel.complete": "owner",
  "kernel.inspect": "owner",
  "kernel.files": "owner",
  "kernel.variables": "owner",
  "kernel.choice": "owner",
  "kernel.choose": "owner",

  "credential.list": "user",
  "credential.save": "user",
  "credential.delete": "user",

  // ML Server objects live in the caller's ML Server account; on a shared service login they are
  // scoped per user by RemoteObject (server/mlserver/mlserver-app.int.test.ts proves it).
  "mlserver.snapshots": "user",
  "mlserver.services": "user",
  "mlserver.publish": "user",
  "mlserver.deleteSnapshot": "user",
  "mlserver.swagger": "user",
  "mlserver.callService": "user",
  "mlserver.deleteService": "user",
  "mlserver.saveSnapshot": "owner",
  "mlserver.startFromSnapshot": "owner",

  "dataset.list": "user",
  "dataset.usage": "user",
  "dataset.beginUpload": "user",
  "dataset.renewUpload": "owner",
  "dataset.completeUpload": "owner",
  "dataset.cancelUpload": "owner",
  "dataset.rename": "owner",
  "dataset.downloadUrl": "owner",
  "dataset.delete": "owner",
  "dataset.preview": "owner",
  "dataset.attach": "owner",

  // A link's page is public (app/share/[token]); managing links is the notebook owner's.
  "share.create": "owner",
  "share.list": "user",
  "share.revoke": "owner",

  "admin.users": "admin",
  "admin.setRole": "admin",
  "admin.setDisabled": "admin",
  "admin.resetPassword": "admin",
  "admin.kernels": "admin",
  "admin.stopKernel": "admin",
  "admin.audit": "admin",
  "admin.auditActions": "admin",

  "adminStats.usage": "admin",
  "adminStats.health": "admin",
  "adminStats.storage": "admin",
};
