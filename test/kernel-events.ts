// Reading what a kernel provider yields, for provider tests: every event (with the error that
// ended the stream, if any), or every event of a run that must succeed, and its streamed text.
import type { ExecEvent, KernelProvider } from "@/server/kernels/types";

/** Every event, and the error that ended the stream instead of a normal end (if one did). */
export async function collectEvents(iterable: AsyncIterable<ExecEvent>): Promise<{ events: ExecEvent[]; error?: unknown }> {
  const events: ExecEvent[] = [];
  try {
    for await (const event of iterable) events.push(event);
  } catch (error) {
    return { events, error };
  }
  return { events };
}

/** Every event of a stream that must end normally (its error is thrown). */
export async function drainEvents(iterable: AsyncIterable<ExecEvent>): Promise<ExecEvent[]> {
  const events: ExecEvent[] = [];
  for await (const event of iterable) events.push(event);
  return events;
}

export function runCode(provider: KernelProvider, remoteId: string, code: string): Promise<ExecEvent[]> {
  return drainEvents(provider.execute(remoteId, { code }));
}

/** The text of every stream event (stdout and stderr), in order. */
export const streamText = (events: ExecEvent[]) => events.map((e) => (e.type === "stream" ? e.text : "")).join("");
