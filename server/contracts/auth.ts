// Input schemas for sign-up and sign-in, shared by the forms and the server.
import { z } from "zod";

export const ZSignUpInput = z.object({
  email: z.string().trim().toLowerCase().email("Enter a valid email address").max(254),
  name: z.string().trim().max(100).optional(),
  password: z.string().min(8, "Use at least 8 characters").max(200),
});
export type SignUpInput = z.infer<typeof ZSignUpInput>;

export const ZSignInInput = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(200),
});
export type SignInInput = z.infer<typeof ZSignInInput>;
