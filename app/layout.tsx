// The root layout: theme (stored choice or the system's, set before paint, under the CSP nonce), global styles, tRPC client.
import type { Metadata } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { TrpcReactProvider } from "@/components/providers/trpc-provider";
import "./globals.css";

export const metadata: Metadata = { title: "Kernelbook", description: "R notebooks on remote compute" };

const themeScript = `try{var t=localStorage.getItem("kb-theme");if(!t)t=matchMedia("(prefers-color-scheme: dark)").matches?"dark":"light";document.documentElement.dataset.theme=t}catch(e){}`;

export default async function RootLayout({ children }: { children: ReactNode }) {
  // proxy.ts sets a fresh nonce per request (reading it makes every page render per request).
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: themeScript }} />
      </head>
      <body>
        <TrpcReactProvider>{children}</TrpcReactProvider>
      </body>
    </html>
  );
}
