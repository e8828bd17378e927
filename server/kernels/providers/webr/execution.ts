// One running cell: buffers the events the worker produces and hands them to the consumer of
// `execute` as they arrive, merging console lines that are already waiting into one stream event,
// and turning the console text of an autoprinted value into its execute_result (with its table
// form beside the text when the value is a data frame).
import type { ExecEvent, MimeBundle } from "@/server/contracts/outputs";
import { TABLE_MIME, type TableOutput } from "@/server/contracts/table";
import type { KernelError } from "@/server/errors";
import { ExecEventQueue } from "../../exec-event-queue";

export class Execution {
  /** The runner has armed its interrupt handler: an interrupt now reaches the cell's code. */
  started = false;
  /** The runner has posted its last record. */
  ended = false;
  private readonly queue = new ExecEventQueue();
  /** Console text of the visible value being printed, while one is. */
  private result: string | undefined;
  /** The table form of the visible value being printed, if it is a data frame. */
  private resultTable: TableOutput | undefined;

  push(event: ExecEvent): void {
    if (this.result !== undefined && event.type === "stream" && event.name === "stdout" && !this.queue.settled) {
      this.result += event.text;
      return;
    }
    this.queue.push(event);
  }

  /** Stdout from now on is the printed form of a visible value, until `endResult`. */
  beginResult(): void {
    this.endResult();
    this.result = "";
  }

  /** The value being printed also has this table form (sent in the same execute_result). */
  attachTable(table: TableOutput): void {
    if (this.result !== undefined) this.resultTable = table;
  }

  endResult(): void {
    const text = this.result;
    const table = this.resultTable;
    this.result = undefined;
    this.resultTable = undefined;
    if (!text) return;
    const data: MimeBundle = { "text/plain": text.replace(/\n$/, "") };
    if (table) data[TABLE_MIME] = JSON.stringify(table);
    this.push({ type: "execute_result", data });
  }

  /** No more events will come; the iterator ends once the buffer is drained. */
  finish(): void {
    this.endResult();
    this.queue.finish();
  }

  /** The kernel failed under the cell: the iterator throws `error` once the buffer is drained. */
  fail(error: KernelError): void {
    this.queue.fail(error);
  }

  /** Yields events in order until the execution settles; `signal` stops the waiting early. */
  events(signal?: AbortSignal): AsyncGenerator<ExecEvent, void, undefined> {
    return this.queue.events(signal);
  }
}
