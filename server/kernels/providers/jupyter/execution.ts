// One execute request on a Jupyter kernel: buffers the events of its messages (only those whose
// parent is this request) and hands them to the consumer of `execute` as they arrive; done only
// after the execute_reply and the kernel's return to idle, as JupyterLab's futures are.
import { KernelMessage, type Kernel } from "@jupyterlab/services";
import type { ExecEvent } from "@/server/contracts/outputs";
import { KernelError } from "@/server/errors";
import { ExecEventQueue } from "../../exec-event-queue";
import { iopubToEvent, parseExecuteReply, replyEvents, stdinToEvent, type MessageContext } from "./messages";
import type { ExecuteReply } from "./schemas";

export type ExecuteFuture = Kernel.IShellFuture<KernelMessage.IExecuteRequestMsg, KernelMessage.IExecuteReplyMsg>;

export class Execution {
  private readonly queue = new ExecEventQueue();
  private sawError = false;
  private reply: ExecuteReply = { status: "ok" };
  private future: ExecuteFuture | undefined;
  private pendingInput: KernelMessage.IInputRequestMsg["header"] | undefined;

  get settled(): boolean {
    return this.queue.settled;
  }

  /** Routes the future's messages into this execution; `onSettled` runs once it is done or failed. */
  attach(future: ExecuteFuture, context: MessageContext, onSettled: () => void): void {
    this.future = future;
    future.onIOPub = (msg) => {
      const event = iopubToEvent(msg.header.msg_type, msg.content, context);
      if (event) this.push(event);
    };
    future.onStdin = (msg) => {
      if (!KernelMessage.isInputRequestMsg(msg)) return;
      this.pendingInput = msg.header;
      this.push(stdinToEvent(msg.content));
    };
    future.onReply = (msg) => {
      this.reply = parseExecuteReply(msg.content);
    };
    future.done
      .then(
        () => {
          for (const event of replyEvents(this.reply, this.sawError)) this.push(event);
          this.pendingInput = undefined;
          this.queue.finish();
        },
        (e: unknown) => this.fail(new KernelError("DEAD", "The kernel stopped answering while this cell ran.", { cause: e })),
      )
      .finally(onSettled);
  }

  /** Answers the kernel's pending input_request; false if it is not waiting for input. */
  answer(value: string): boolean {
    const parent = this.pendingInput;
    if (!parent || !this.future || this.settled) return false;
    this.pendingInput = undefined;
    this.future.sendInputReply({ status: "ok", value }, parent);
    return true;
  }

  /** The kernel failed under the cell: the iterator throws `error` once the buffer is drained. */
  fail(error: KernelError): void {
    this.pendingInput = undefined;
    this.queue.fail(error);
  }

  /** Yields events in order until the execution settles; `signal` stops the waiting early. */
  events(signal?: AbortSignal): AsyncGenerator<ExecEvent, void, undefined> {
    return this.queue.events(signal);
  }

  private push(event: ExecEvent): void {
    if (event.type === "error" && !this.queue.settled) this.sawError = true;
    this.queue.push(event);
  }
}
