"use client";

import {
  type AuditEntryView,
  type ModerationActionKind,
  moderationActionKindSchema,
} from "@hashiya/annotation-schema";
import { useInfiniteQuery, useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { LocalTime } from "~/dashboard/local-time";
import { useTRPC } from "~/trpc/react";
import styles from "../moderation.module.css";
import type { ConsoleMember } from "./moderation-console";
import { useModerationCall } from "./use-moderation-call";

interface Filters {
  kind: ModerationActionKind | "";
  actorId: string;
  memberId: string;
  textId: string;
  from: string;
  to: string;
}

const noFilters: Filters = { kind: "", actorId: "", memberId: "", textId: "", from: "", to: "" };

/** The audit log, newest first, with filters, "more" and an undo per entry that still applies. */
export function AuditSection({
  courseId,
  texts,
  members,
}: {
  courseId: string;
  texts: { id: string; title: string }[];
  members: ConsoleMember[];
}) {
  const t = useTranslations("moderation");
  const trpc = useTRPC();
  const id = useId();
  const [filters, setFilters] = useState<Filters>(noFilters);
  const input = {
    courseId,
    limit: 25,
    ...(filters.kind && { kind: filters.kind }),
    ...(filters.actorId && { actorId: filters.actorId }),
    ...(filters.memberId && { memberId: filters.memberId }),
    ...(filters.textId && { textId: filters.textId }),
    ...(filters.from && { from: new Date(`${filters.from}T00:00:00`) }),
    ...(filters.to && { to: new Date(`${filters.to}T23:59:59.999`) }),
  };
  const log = useInfiniteQuery(
    trpc.moderation.audit.infiniteQueryOptions(input, {
      getNextPageParam: (page) => page.nextCursor ?? undefined,
    }),
  );
  const entries = log.data?.pages.flatMap((page) => page.entries) ?? [];
  const staff = members.filter((m) => m.role !== "student");
  const set = (key: keyof Filters) => (event: { target: { value: string } }) =>
    setFilters((f) => ({ ...f, [key]: event.target.value }));

  return (
    <>
      <form className={styles.filters} aria-label={t("auditFilters")}>
        <label htmlFor={`${id}-kind`}>
          {t("filterKind")}
          <select id={`${id}-kind`} value={filters.kind} onChange={set("kind")}>
            <option value="">{t("any")}</option>
            {moderationActionKindSchema.options.map((kind) => (
              <option key={kind} value={kind}>
                {t(`kind_${kind}`)}
              </option>
            ))}
          </select>
        </label>
        <label htmlFor={`${id}-actor`}>
          {t("filterActor")}
          <select id={`${id}-actor`} value={filters.actorId} onChange={set("actorId")}>
            <option value="">{t("any")}</option>
            {staff.map((m) => (
              <option key={m.userId} value={m.userId}>
                {m.name}
              </option>
            ))}
          </select>
        </label>
        <label htmlFor={`${id}-member`}>
          {t("filterMember")}
          <select id={`${id}-member`} value={filters.memberId} onChange={set("memberId")}>
            <option value="">{t("any")}</option>
            {members.map((m) => (
              <option key={m.userId} value={m.userId}>
                {m.name}
              </option>
            ))}
          </select>
        </label>
        <label htmlFor={`${id}-text`}>
          {t("filterText")}
          <select id={`${id}-text`} value={filters.textId} onChange={set("textId")}>
            <option value="">{t("any")}</option>
            {texts.map((text) => (
              <option key={text.id} value={text.id}>
                {text.title}
              </option>
            ))}
          </select>
        </label>
        <label htmlFor={`${id}-from`}>
          {t("filterFrom")}
          <input id={`${id}-from`} type="date" value={filters.from} onChange={set("from")} />
        </label>
        <label htmlFor={`${id}-to`}>
          {t("filterTo")}
          <input id={`${id}-to`} type="date" value={filters.to} onChange={set("to")} />
        </label>
        <button type="button" className="button-quiet" onClick={() => setFilters(noFilters)}>
          {t("clearFilters")}
        </button>
      </form>
      {entries.length === 0 && !log.isLoading ? (
        <p className="muted">{t("auditEmpty")}</p>
      ) : (
        <table className={styles.table} data-testid="audit-log">
          <thead>
            <tr>
              <th scope="col">{t("colWhen")}</th>
              <th scope="col">{t("colWho")}</th>
              <th scope="col">{t("colWhat")}</th>
              <th scope="col">{t("colConcerning")}</th>
              <th scope="col">{t("colReason")}</th>
              <th scope="col">{t("colUndo")}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <AuditRow key={entry.id} entry={entry} />
            ))}
          </tbody>
        </table>
      )}
      {log.hasNextPage ? (
        <button type="button" className="button-quiet" onClick={() => void log.fetchNextPage()}>
          {t("more")}
        </button>
      ) : null}
    </>
  );
}

function AuditRow({ entry }: { entry: AuditEntryView }) {
  const t = useTranslations("moderation");
  const trpc = useTRPC();
  const { run, error } = useModerationCall();
  const undo = useMutation(trpc.moderation.undo.mutationOptions({ onError: () => {} }));
  const concerning = entry.item
    ? `${entry.member?.name ?? ""} — ${entry.item.bodyText || entry.item.quote}`
    : (entry.member?.name ?? "");
  return (
    <tr data-testid="audit-entry" data-kind={entry.kind}>
      <td>
        <LocalTime date={entry.createdAt} />
      </td>
      <td>
        <bdi>{entry.actor.name}</bdi>
      </td>
      <td>
        {entry.undoesId ? t("undoOf", { kind: t(`kind_${entry.kind}`) }) : t(`kind_${entry.kind}`)}
      </td>
      <td dir="auto">{concerning}</td>
      <td dir="auto">{entry.reason}</td>
      <td>
        {entry.undoneAt ? (
          <span className="muted">{t("undone")}</span>
        ) : entry.undoable ? (
          <button
            type="button"
            className="button-quiet"
            onClick={() => void run(() => undo.mutateAsync({ actionId: entry.id })).catch(() => {})}
          >
            {t("undo")}
          </button>
        ) : (
          <span className="muted">{t("movedOn")}</span>
        )}
        {error ? (
          <p className="field-error" role="alert">
            {error}
          </p>
        ) : null}
      </td>
    </tr>
  );
}
