import { describe, expect, it } from "vitest";
import { BACKENDAI_MAX_COPY_BYTES, MLSERVER_MAX_COPY_BYTES, planAttach } from "./attach-plan";

const noop = async () => undefined;
const streaming = { writeFile: noop, uploadFile: noop };
const uploading = { uploadFile: noop };

describe("planAttach", () => {
  it("streams any size into webR and Jupyter", () => {
    expect(planAttach({ id: "webr", ...streaming }, 5 * 1024 ** 3)).toEqual({ kind: "stream" });
    expect(planAttach({ id: "jupyter", ...streaming }, 10)).toEqual({ kind: "stream" });
  });

  it("uploads under 1 MiB to Backend.AI and gives download code from 1 MiB on", () => {
    expect(planAttach({ id: "backendai", ...uploading }, BACKENDAI_MAX_COPY_BYTES)).toEqual({ kind: "upload", layout: "folders" });
    expect(planAttach({ id: "backendai", ...uploading }, 1024 * 1024)).toEqual({ kind: "download-code", reason: expect.stringMatching(/Backend\.AI's per-file upload limit/) });
  });

  it("uploads to ML Server's flat directory up to 256 MiB", () => {
    expect(planAttach({ id: "mlserver", ...uploading }, MLSERVER_MAX_COPY_BYTES)).toEqual({ kind: "upload", layout: "flat" });
    expect(planAttach({ id: "mlserver", ...uploading }, MLSERVER_MAX_COPY_BYTES + 1)).toEqual({ kind: "download-code", reason: expect.stringMatching(/256 MiB/) });
  });

  it("gives download code to a kernel that takes no files", () => {
    expect(planAttach({ id: "jupyter" }, 10)).toEqual({ kind: "download-code", reason: expect.stringMatching(/cannot be copied into this kernel/) });
  });
});
