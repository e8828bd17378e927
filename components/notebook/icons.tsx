// Toolbar icons: one masked <span> each (no icon font, and far fewer DOM nodes than inline SVG
// in a 200-cell notebook), painted in the text colour so they follow the theme.
import styles from "./icons.module.css";

export type IconName = "play" | "playAll" | "runAbove" | "stop" | "restart" | "power" | "history" | "up" | "down" | "insertAbove" | "insertBelow" | "trash" | "markdown" | "code";

export function Icon({ name }: { name: IconName }) {
  return <span className={`${styles.icon} ${styles[name]}`} aria-hidden />;
}
