// Which language a notebook is written in, which provider runs it, and the kernelspec Jupyter
// expects for it: read from an imported file's metadata, written into an exported one.
import type { ProviderId } from "@/server/kernels/types";
import type { IpynbMetadata } from "./ipynb-schema";

export type NotebookLanguage = "r" | "python";
/** A language we can place on a provider, or the name of one we cannot run (e.g. "julia"). */
export type DetectedLanguage = { language: NotebookLanguage | null; name: string; kernelName: string | null };

export function detectLanguage(metadata: IpynbMetadata): DetectedLanguage | null {
  const kernelName = metadata.kernelspec?.name?.trim() || null;
  const declared = (metadata.kernelspec?.language ?? metadata.language_info?.name)?.trim() || null;
  if (!declared && !kernelName) return null;
  const language = classify(declared?.toLowerCase() ?? null, kernelName?.toLowerCase() ?? null);
  return { language, name: declared ?? kernelName ?? "unknown", kernelName };
}

function classify(declared: string | null, kernelName: string | null): NotebookLanguage | null {
  if (declared === "r") return "r";
  if (declared?.startsWith("python")) return "python";
  if (declared) return null;
  // No language, only a kernel name: IRkernel is "ir" (or "ir43", "ir-4.3"); ipykernel "python3".
  if (kernelName && /^(ir|r)([-_.\d]|$)/.test(kernelName)) return "r";
  if (kernelName && /^py(thon)?([-_.\d]|$)/.test(kernelName)) return "python";
  return null;
}

export type ProviderChoice = { provider: ProviderId; runtime: string | null; note: string | null };

/**
 * R runs on webR (built in) unless a Jupyter server is configured, where IRkernel runs it; anything
 * else needs Jupyter. A notebook is imported even when nothing here can run it, with a note saying so.
 */
export function chooseProvider(detected: DetectedLanguage | null, availableProviders: readonly ProviderId[]): ProviderChoice {
  const hasJupyter = availableProviders.includes("jupyter");
  if (!detected) {
    return { provider: "webr", runtime: null, note: "The file names no kernel, so it was opened as an R notebook." };
  }
  if (detected.language === "r") {
    return hasJupyter ? { provider: "jupyter", runtime: detected.kernelName ?? "ir", note: null } : { provider: "webr", runtime: null, note: null };
  }
  const label = detected.language === "python" ? "Python" : detected.name;
  const runtime = detected.kernelName ?? (detected.language === "python" ? "python3" : null);
  const note = hasJupyter
    ? null
    : `This is a ${label} notebook: its cells and outputs were imported, but it cannot run until a Jupyter server is configured (JUPYTER_URL).`;
  return { provider: "jupyter", runtime, note };
}

/** The language of a stored notebook: as recorded (kernel choice, import), else guessed from the spec name. */
export function languageOf(notebook: { provider: string; runtime: string | null; language?: string }): NotebookLanguage {
  if (notebook.language === "python") return "python";
  if (notebook.provider === "webr" || !notebook.runtime) return "r";
  return classify(null, notebook.runtime.toLowerCase()) === "python" ? "python" : "r";
}

type KernelMetadata = { kernelspec: Record<string, string>; language_info: Record<string, unknown> };

/** What IRkernel and ipykernel themselves write, so Jupyter opens the export with the right kernel. */
export function kernelMetadata(language: NotebookLanguage): KernelMetadata {
  switch (language) {
    case "r":
      return {
        kernelspec: { name: "ir", display_name: "R", language: "R" },
        language_info: { name: "R", codemirror_mode: "r", file_extension: ".r", mimetype: "text/x-r-source", pygments_lexer: "r" },
      };
    case "python":
      return {
        kernelspec: { name: "python3", display_name: "Python 3 (ipykernel)", language: "python" },
        language_info: {
          name: "python", codemirror_mode: { name: "ipython", version: 3 }, file_extension: ".py",
          mimetype: "text/x-python", nbconvert_exporter: "python", pygments_lexer: "ipython3",
        },
      };
    default: {
      const unreachable: never = language;
      return unreachable;
    }
  }
}
