// The home route: signed-in users go to their notebooks, others to sign-in.
import { redirect } from "next/navigation";
import { getSessionUser } from "@/server/auth/session";

export const dynamic = "force-dynamic";

export default async function Home() {
  redirect((await getSessionUser()) ? "/notebooks" : "/sign-in");
}
