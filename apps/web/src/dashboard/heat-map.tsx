"use client";

import type { RouterOutputs } from "@hashiya/api";
import { useFormatter, useTranslations } from "next-intl";
import type { CSSProperties } from "react";
import styles from "./dashboard.module.css";

type Heatmap = RouterOutputs["dashboard"]["heatmap"];

interface Props {
  heatmap: Heatmap;
  blocks: { text: string }[];
  language: string;
  direction: "rtl" | "ltr";
}

const SNIPPET = 160;

/** The start of a paragraph, cut between words where possible. */
function snippet(text: string): string {
  const points = [...text];
  if (points.length <= SNIPPET) return text;
  const cut = points.slice(0, SNIPPET).join("");
  const space = cut.lastIndexOf(" ");
  return `${space > SNIPPET / 2 ? cut.slice(0, space) : cut}…`;
}

/** 0…1 of the busiest cell; the shade and the bar grow with it (the number is always shown). */
const share = (count: number, max: number) => (max === 0 ? 0 : count / max);

/**
 * Annotation density next to each paragraph (a shade, a bar and the number, so colour is never
 * the only sign), and along the whole text in finer stretches, with the same numbers as a table.
 */
export function HeatMap({ heatmap, blocks, language, direction }: Props) {
  const t = useTranslations("dashboard");
  const format = useFormatter();
  const maxBlock = Math.max(0, ...heatmap.blocks.map((cell) => cell.annotations));
  const maxBucket = Math.max(0, ...heatmap.buckets.map((cell) => cell.annotations));

  return (
    <>
      <ol className={styles.paragraphs} data-testid="heatmap">
        {heatmap.blocks.map((cell) => {
          const level = share(cell.annotations, maxBlock);
          return (
            <li
              key={cell.index}
              className={styles.paragraph}
              style={{ "--level": level } as CSSProperties}
              data-count={cell.annotations}
            >
              <div className={styles.paragraphHead}>
                <span className={styles.paragraphLabel}>
                  {t("paragraph", { number: cell.index + 1 })}
                </span>
                <span className={styles.paragraphCount}>
                  {t("paragraphCount", { count: cell.annotations })}
                </span>
                <span className={styles.bar} aria-hidden="true">
                  <span style={{ inlineSize: `${level * 100}%` }} />
                </span>
              </div>
              <p className={styles.snippet} lang={language} dir={direction}>
                {snippet(blocks[cell.index]?.text ?? "")}
              </p>
            </li>
          );
        })}
      </ol>
      <figure className={styles.stripFigure}>
        <figcaption>{t("fineStrip", { count: heatmap.buckets.length })}</figcaption>
        {/* Drawn in the text's own direction: its start is where the text starts. */}
        <div className={styles.strip} dir={direction} aria-hidden="true">
          {heatmap.buckets.map((cell) => (
            <span
              key={cell.index}
              style={{ blockSize: `${Math.max(4, share(cell.annotations, maxBucket) * 100)}%` }}
              data-empty={cell.annotations === 0 || undefined}
            />
          ))}
        </div>
        <details className={styles.stripTable}>
          <summary>{t("fineTable")}</summary>
          <table className={styles.table}>
            <thead>
              <tr>
                <th scope="col">{t("stretch")}</th>
                <th scope="col">{t("positions")}</th>
                <th scope="col">{t("annotationsColumn")}</th>
              </tr>
            </thead>
            <tbody>
              {heatmap.buckets.map((cell) => (
                <tr key={cell.index}>
                  <th scope="row">{format.number(cell.index + 1)}</th>
                  <td>
                    {format.number(cell.start + 1)}–{format.number(cell.end)}
                  </td>
                  <td>{format.number(cell.annotations)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </figure>
    </>
  );
}
