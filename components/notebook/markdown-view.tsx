"use client";
// GitHub-flavoured markdown for markdown cells and text/markdown outputs, sanitized (no raw HTML,
// no script URLs); links open in a new tab.
import { memo, type AnchorHTMLAttributes } from "react";
import ReactMarkdown, { type Components } from "react-markdown";
import rehypeSanitize from "rehype-sanitize";
import remarkGfm from "remark-gfm";
import styles from "./markdown.module.css";

const remarkPlugins = [remarkGfm];
const rehypePlugins = [rehypeSanitize];

function Link({ href, children, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement>) {
  const external = typeof href === "string" && /^https?:\/\//i.test(href);
  return (
    <a href={href} {...rest} {...(external ? { target: "_blank", rel: "noopener noreferrer" } : {})}>
      {children}
    </a>
  );
}

const components: Components = { a: Link };

export const MarkdownView = memo(function MarkdownView({ source }: { source: string }) {
  return (
    <div className={styles.markdown}>
      <ReactMarkdown remarkPlugins={remarkPlugins} rehypePlugins={rehypePlugins} components={components}>
        {source}
      </ReactMarkdown>
    </div>
  );
});
