// Preloaded into the kernel process and each of its threads (see ../sandbox.ts). Node's permission
// model makes two things webR's Emscripten runtime does throw through R, which then hangs:
// - NODEFS reads its file flags from process.binding("constants") when it starts: answered from
//   the public fs/os constants; every other binding is still refused.
// - R's system() (also run by q() to remove its temporary folder) calls child_process.spawnSync:
//   it now fails the way a missing shell does (status 127), an ordinary R error or warning. The
//   permission model still refuses every other way to start a process.
"use strict";
const childProcess = require("node:child_process");
const { constants: fs } = require("node:fs");
const { constants: os } = require("node:os");

process.binding = function binding(name) {
  if (name === "constants") return { fs, os };
  throw new Error(`process.binding("${name}") is not available in a Kernelbook kernel.`);
};

childProcess.spawnSync = function spawnSync() {
  return { pid: 0, status: 127, signal: null, output: [null, null, null], stdout: null, stderr: null };
};
