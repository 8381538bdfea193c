"use client";

import { useMutation } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useId, useState } from "react";
import { useTRPC } from "~/trpc/react";
import styles from "../courses.module.css";
import { useCourseAction } from "./use-course-action";

type Role = "student" | "moderator" | "instructor";

export interface MemberItem {
  userId: string;
  name: string;
  email: string | null;
  role: Role;
  joinedAt: Date;
}

/** The members: change a role, remove someone (after a confirmation). Takes effect at once. */
export function MembersTable({
  courseId,
  members,
  viewerId,
  disabled,
}: {
  courseId: string;
  members: MemberItem[];
  viewerId: string;
  disabled: boolean;
}) {
  const t = useTranslations("courseAdmin");
  return (
    <div className={styles.tableScroll}>
      <table className={styles.table}>
        <caption className="visually-hidden">
          {t("membersCaption", { count: members.length })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t("memberName")}</th>
            <th scope="col">{t("memberEmail")}</th>
            <th scope="col">{t("memberRole")}</th>
            <th scope="col">{t("memberJoined")}</th>
            <th scope="col">
              <span className="visually-hidden">{t("memberActions")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {members.map((member) => (
            <MemberRow
              key={member.userId}
              courseId={courseId}
              member={member}
              isViewer={member.userId === viewerId}
              disabled={disabled}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function MemberRow({
  courseId,
  member,
  isViewer,
  disabled,
}: {
  courseId: string;
  member: MemberItem;
  isViewer: boolean;
  disabled: boolean;
}) {
  const t = useTranslations("courseAdmin");
  const tRoles = useTranslations("roles");
  const format = useFormatter();
  const trpc = useTRPC();
  const id = useId();
  const setRole = useMutation(trpc.member.setRole.mutationOptions());
  const remove = useMutation(trpc.member.remove.mutationOptions());
  const action = useCourseAction();
  const [confirming, setConfirming] = useState(false);
  // Shown at once; put back if the change is refused (e.g. the last instructor).
  const [role, setShownRole] = useState(member.role);

  return (
    <tr data-testid="member" data-user={member.userId}>
      <th scope="row" id={`${id}-name`}>
        <bdi>{member.name}</bdi>
        {isViewer ? <span className="badge">{t("you")}</span> : null}
      </th>
      <td dir="ltr">{member.email}</td>
      <td>
        <label htmlFor={`${id}-role`} className="visually-hidden">
          {t("roleOf", { name: member.name })}
        </label>
        <select
          id={`${id}-role`}
          value={role}
          disabled={disabled || action.pending}
          onChange={async (event) => {
            const next = event.currentTarget.value as Role;
            setShownRole(next);
            const done = await action.run(() =>
              setRole.mutateAsync({ courseId, userId: member.userId, role: next }),
            );
            if (!done) setShownRole(member.role);
          }}
        >
          {(["student", "moderator", "instructor"] as const).map((role) => (
            <option key={role} value={role}>
              {tRoles(role)}
            </option>
          ))}
        </select>
        {action.error ? (
          <p className="form-error" role="alert">
            {action.error}
          </p>
        ) : null}
      </td>
      <td>{format.dateTime(member.joinedAt, { dateStyle: "medium" })}</td>
      <td>
        {confirming ? (
          <fieldset className={`${styles.fieldset} ${styles.actions}`}>
            <legend>{t("confirmRemove", { name: member.name })}</legend>
            <button
              type="button"
              className="button-danger"
              disabled={action.pending}
              onClick={() =>
                action.run(() => remove.mutateAsync({ courseId, userId: member.userId }))
              }
            >
              {t("removeForGood")}
            </button>
            <button type="button" className="button-quiet" onClick={() => setConfirming(false)}>
              {t("cancel")}
            </button>
          </fieldset>
        ) : (
          <button
            type="button"
            className="button-quiet"
            disabled={disabled}
            aria-describedby={`${id}-name`}
            onClick={() => setConfirming(true)}
          >
            {t("remove")}
          </button>
        )}
      </td>
    </tr>
  );
}
