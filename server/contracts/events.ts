// An execution event as the browser receives it (from the notebook load or the live stream).
import type { StoredEvent } from "./outputs";

export type NotebookEvent = {
  /** Global, increasing id: the stream's resume point. */
  id: string;
  executionId: string;
  cellId: string | null;
  seq: number;
  event: StoredEvent;
};
