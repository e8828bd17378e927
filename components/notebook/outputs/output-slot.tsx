"use client";
// Holds an output's last height while its cell re-runs (old output cleared, new one not yet in),
// so the page does not jump up and back down.
import { useEffect, useLayoutEffect, useRef, type ReactNode } from "react";

type Props = { hold: boolean; children: ReactNode; className?: string };

export function OutputSlot({ hold, children, className }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const lastHeight = useRef(0);
  const holding = useRef(hold);
  useLayoutEffect(() => {
    holding.current = hold;
    const el = ref.current;
    if (!el) return;
    if (!hold) el.style.minHeight = "";
    else if (lastHeight.current > 0) el.style.minHeight = `${lastHeight.current}px`;
  }, [hold]);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver(() => {
      if (!holding.current) lastHeight.current = el.offsetHeight;
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return <div ref={ref} className={className}>{children}</div>;
}
