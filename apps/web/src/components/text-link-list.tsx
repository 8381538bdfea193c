import Link from "next/link";
import type { ReactNode } from "react";

export interface TextLinkItem {
  id: string;
  title: string;
  language: string;
  meta?: ReactNode;
}

/** Links to texts. Titles are user content: their language and direction come from the text. */
export function TextLinkList({ texts }: { texts: TextLinkItem[] }) {
  return (
    <ul className="text-list">
      {texts.map((text) => (
        <li key={text.id}>
          <Link href={`/texts/${text.id}`} lang={text.language} dir="auto">
            {text.title}
          </Link>
          {text.meta ? <span className="meta">{text.meta}</span> : null}
        </li>
      ))}
    </ul>
  );
}
