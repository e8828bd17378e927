// What an error says to the user: one sentence. Domain errors and our own TRPCErrors already speak
// to users; anything else (a database outage, a bug, zod's issue list) is replaced, and the cause
// stays in the server log (the tRPC route's onError, route-helpers' errorResponse).
import { TRPCError } from "@trpc/server";
import { ZodError } from "zod";
import { isDomainError } from "@/server/errors";

export const INTERNAL_ERROR_MESSAGE = "Something went wrong on the server. Try again in a moment.";

/** The first problem zod found, as a sentence ("Keep the title under 200 characters."). */
export function firstIssueSentence(e: ZodError): string {
  const issue = e.issues[0];
  if (!issue) return "Some of the values sent are not valid.";
  const text = issue.message.trim();
  const where = issue.path.length > 0 && /^(Invalid|Too|Expected|Unrecognized)/.test(text) ? `${issue.path.join(".")}: ` : "";
  return `${where}${text}${/[.!?]$/.test(text) ? "" : "."}`;
}

export function publicMessage(error: TRPCError): string {
  if (isDomainError(error.cause)) return error.cause.message;
  if (error.cause instanceof ZodError) return error.code === "BAD_REQUEST" ? firstIssueSentence(error.cause) : INTERNAL_ERROR_MESSAGE;
  switch (error.code) {
    case "INTERNAL_SERVER_ERROR":
      return INTERNAL_ERROR_MESSAGE;
    case "PARSE_ERROR":
      return "The request could not be read.";
    default:
      // Thrown on purpose with a sentence for the user (or tRPC's own short refusals).
      return error.message;
  }
}
