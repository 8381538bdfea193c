"use client";

import { MUTE_MAX_HOURS } from "@hashiya/annotation-schema";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type FormEvent, useId, useState } from "react";
import { LocalTime } from "~/dashboard/local-time";
import { useTRPC } from "~/trpc/react";
import styles from "../moderation.module.css";
import type { ConsoleMember } from "./moderation-console";
import { useModerationCall } from "./use-moderation-call";

const PERIODS = [1, 24, 24 * 7, 24 * 30] as const;

/** Who is muted now (with "unmute"), and a form to mute a student for a period, with a reason. */
export function MutesSection({
  courseId,
  members,
}: {
  courseId: string;
  members: ConsoleMember[];
}) {
  const t = useTranslations("moderation");
  const trpc = useTRPC();
  const { run, error } = useModerationCall();
  const id = useId();
  const list = useQuery(
    trpc.member.list.queryOptions(
      { courseId },
      { initialData: members.map((m) => ({ ...m, email: null, joinedAt: new Date(0) })) },
    ),
  );
  const mute = useMutation(trpc.moderation.mute.mutationOptions({ onError: () => {} }));
  const unmute = useMutation(trpc.moderation.unmute.mutationOptions({ onError: () => {} }));
  const students = list.data.filter((member) => member.role === "student");
  const muted = students.filter((member) => member.mutedUntil);
  const [userId, setUserId] = useState("");
  const [hours, setHours] = useState<number>(24);
  const [reason, setReason] = useState("");
  const refresh = () => list.refetch();

  async function submit(event: FormEvent) {
    event.preventDefault();
    await run(() => mute.mutateAsync({ courseId, userId, hours, reason })).catch(() => {});
    setReason("");
    await refresh();
  }

  return (
    <>
      {muted.length === 0 ? (
        <p className="muted">{t("nobodyMuted")}</p>
      ) : (
        <ul data-testid="muted-members">
          {muted.map((member) => (
            <li key={member.userId} className={styles.row}>
              <bdi>{member.name}</bdi>
              <span>
                {t("mutedUntil")} <LocalTime date={member.mutedUntil as Date} />
              </span>
              <button
                type="button"
                className="button-quiet"
                onClick={async () => {
                  await run(() => unmute.mutateAsync({ courseId, userId: member.userId })).catch(
                    () => {},
                  );
                  await refresh();
                }}
              >
                {t("do_unmute")}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className={styles.filters} onSubmit={submit}>
        <label htmlFor={`${id}-who`}>
          {t("muteWho")}
          <select
            id={`${id}-who`}
            required
            value={userId}
            onChange={(event) => setUserId(event.target.value)}
          >
            <option value="">{t("chooseStudent")}</option>
            {students.map((member) => (
              <option key={member.userId} value={member.userId}>
                {member.name}
              </option>
            ))}
          </select>
        </label>
        <label htmlFor={`${id}-for`}>
          {t("muteFor")}
          <select
            id={`${id}-for`}
            value={hours}
            onChange={(event) => setHours(Math.min(Number(event.target.value), MUTE_MAX_HOURS))}
          >
            {PERIODS.map((value) => (
              <option key={value} value={value}>
                {t("hours", { hours: value })}
              </option>
            ))}
          </select>
        </label>
        <label htmlFor={`${id}-why`}>
          {t("reasonFor_mute")}
          <input
            id={`${id}-why`}
            dir="auto"
            required
            value={reason}
            onChange={(event) => setReason(event.target.value)}
          />
        </label>
        <button type="submit" className="button-danger">
          {t("do_mute")}
        </button>
      </form>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </>
  );
}
