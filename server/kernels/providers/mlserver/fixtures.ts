// Test data: exchanges copied from shared/specs/mlserver-fixtures.json (the repo must not depend on
// that file), keyed by the fixture id; used by the unit tests' fake ML Server.
export const SESSION_ID = "85b1ecd8-f5a5-42ce-87f3-5b7be97665ae";
export const UNKNOWN_SESSION_ID = "00000000-0000-0000-0000-000000000000";
export const SNAPSHOT_ID = "8fac71e8-92a9-4959-a679-4376e5aab20d";

export const FIXTURES = {
  "login-ok": {
    token_type: "Bearer",
    access_token: "eyJhbGciOiJSUzUxMiIsInR5cC",
    expires_in: 3600,
    expires_on: 1479664807,
    refresh_token: "ScW2tnhl4Oi7ksHLj/TI",
  },
  "login-bad-credentials": { message: "Unauthorized (invalid credentials)" },
  "refresh-ok": {
    token_type: "Bearer",
    access_token: "eyJhbGciOiJSUzUxMiIsInR5cCI6IkpXVCJ9.eyJ1bmlxdWVfbmFtZSI6ImFkbWluIn0.c2lnbmF0dXJl",
    expires_in: 3600,
    expires_on: 1479937523,
    refresh_token: "ScW2tRk9Tq+7w/Zp",
  },
  "refresh-expired": { message: "Unauthorized (invalid or expired refresh token)" },
  "create-session-r": { sessionId: SESSION_ID },
  "list-sessions": [
    { id: "e052a7f7-8fcd-40b9-b9b8-d351acd44444", name: "mPheQrfoO0LmbLZ", owner: "deployruser" },
    { id: "l0dfsddf-4gjd-40b9-b9b8-sdf98yh99999", name: "mPheQrfoO0LmbLZ", owner: "sean" },
  ],
  "execute-console-output": { success: true, errorMessage: "", outputParameters: [], consoleOutput: "[1] 5\r\n", changedFiles: [] },
  "execute-inputs-outputs": { success: true, errorMessage: "", outputParameters: [{ name: "out1", value: 250 }], consoleOutput: "", changedFiles: [] },
  "execute-r-error": {
    success: false,
    errorMessage: 'Error in log("a") : non-numeric argument to mathematical function\r\n',
    outputParameters: [],
    consoleOutput: "",
    changedFiles: [],
  },
  "execute-plot-file": { success: true, errorMessage: "", outputParameters: [], consoleOutput: "null device \r\n          1 \r\n", changedFiles: ["hist.png"] },
  /** A 1x1 PNG (base64). */
  "download-plot": "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "console-output": { consoleOutput: "[1] 5\r\n" },
  "list-files": ["statscore.csv", "hist.png", "notes.Rmd"],
  "workspace-list": ["model", "manualTransmission", "am.glm", "newdata"],
  "snapshot-create": { snapshotId: SNAPSHOT_ID },
  "snapshots-list": [{ id: SNAPSHOT_ID, name: "before-refactor", owner: "admin", creationTime: "2018-02-16T10:15:09.917656", contentSize: 20480 }],
  "session-not-found": { message: "Session '00000000-0000-0000-0000-000000000000' not found." },
  "negative-execute-types": { success: "true", errorMessage: "", outputParameters: [], consoleOutput: "[1] 2\r\n", changedFiles: "hist.png" },
} as const;
