"use client";

import { useMutation } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { type FormEvent, useEffect, useId, useState } from "react";
import { useTRPC } from "~/trpc/react";
import styles from "../courses.module.css";
import { CopyButton } from "./copy-button";
import { useCourseAction } from "./use-course-action";

type Role = "student" | "moderator" | "instructor";

export interface InviteItem {
  id: string;
  token: string;
  code: string;
  role: Role;
  createdAt: Date;
  expiresAt: Date | null;
  status: "active" | "expired" | "revoked";
  uses: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const EXPIRIES = ["never", "1", "7", "30", "120"] as const;

/** Invite links and join codes: make one (a role, an expiry), copy it, withdraw it. */
export function InvitesPanel({
  courseId,
  invites,
  disabled,
}: {
  courseId: string;
  invites: InviteItem[];
  disabled: boolean;
}) {
  const t = useTranslations("courseAdmin");
  const tRoles = useTranslations("roles");
  const trpc = useTRPC();
  const id = useId();
  const create = useMutation(trpc.invite.create.mutationOptions());
  const action = useCourseAction();
  // The page's origin, known only in the browser (the server may sit behind a proxy).
  const [origin, setOrigin] = useState("");
  useEffect(() => setOrigin(window.location.origin), []);

  const onCreate = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const days = String(form.get("expiry"));
    const expiresAt = days === "never" ? null : new Date(Date.now() + Number(days) * DAY_MS);
    void action.run(() =>
      create.mutateAsync({ courseId, role: String(form.get("role")) as Role, expiresAt }),
    );
  };

  return (
    <div className={styles.form}>
      <form onSubmit={onCreate} className={styles.row}>
        <fieldset disabled={disabled} className={`${styles.fieldset} ${styles.grow}`}>
          <div className={styles.row}>
            <div className={styles.field}>
              <label htmlFor={`${id}-role`}>{t("inviteRole")}</label>
              <select id={`${id}-role`} name="role" defaultValue="student">
                {(["student", "moderator", "instructor"] as const).map((role) => (
                  <option key={role} value={role}>
                    {tRoles(role)}
                  </option>
                ))}
              </select>
            </div>
            <div className={styles.field}>
              <label htmlFor={`${id}-expiry`}>{t("inviteExpiry")}</label>
              <select id={`${id}-expiry`} name="expiry" defaultValue="30">
                {EXPIRIES.map((days) => (
                  <option key={days} value={days}>
                    {days === "never"
                      ? t("expiry_never")
                      : t("expiry_days", { days: Number(days) })}
                  </option>
                ))}
              </select>
            </div>
          </div>
        </fieldset>
        <button type="submit" className="button" disabled={disabled || action.pending}>
          {t("createInvite")}
        </button>
      </form>
      {action.error ? (
        <p className="form-error" role="alert">
          {action.error}
        </p>
      ) : null}
      {invites.length === 0 ? (
        <p className="muted">{t("noInvites")}</p>
      ) : (
        <ul className="text-list" aria-label={t("invites")}>
          {invites.map((invite) => (
            <Invite
              key={invite.id}
              courseId={courseId}
              invite={invite}
              link={`${origin}/join/${invite.token}`}
              disabled={disabled}
            />
          ))}
        </ul>
      )}
    </div>
  );
}

function Invite({
  courseId,
  invite,
  link,
  disabled,
}: {
  courseId: string;
  invite: InviteItem;
  link: string;
  disabled: boolean;
}) {
  const t = useTranslations("courseAdmin");
  const tRoles = useTranslations("roles");
  const format = useFormatter();
  const trpc = useTRPC();
  const id = useId();
  const revoke = useMutation(trpc.invite.revoke.mutationOptions());
  const action = useCourseAction();
  const active = invite.status === "active";
  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short" });

  return (
    <li className={styles.invite} data-status={invite.status} data-testid="invite">
      <p id={`${id}-what`}>
        <strong>{t("inviteFor", { role: tRoles(invite.role) })}</strong>
        <span className="badge">{t(`inviteStatus_${invite.status}`)}</span>
        <br />
        <span className="hint">
          {invite.expiresAt ? t("expiresOn", { date: when(invite.expiresAt) }) : t("expiry_never")}
          {" · "}
          {t("uses", { count: invite.uses })}
        </span>
      </p>
      {active ? (
        <>
          <div className={styles.field}>
            <label htmlFor={`${id}-link`}>{t("inviteLink")}</label>
            <input
              id={`${id}-link`}
              className={styles.link}
              value={link}
              readOnly
              dir="ltr"
              onFocus={(event) => event.currentTarget.select()}
            />
          </div>
          <div className={styles.actions}>
            <CopyButton value={link} describedBy={`${id}-what`} />
          </div>
          <p>
            {t("joinCode")}{" "}
            <span className={styles.code} dir="ltr" data-testid="join-code">
              {invite.code}
            </span>
          </p>
          <div className={styles.actions}>
            <button
              type="button"
              className="button-quiet"
              disabled={disabled || action.pending}
              aria-describedby={`${id}-what`}
              onClick={() =>
                action.run(() => revoke.mutateAsync({ courseId, inviteId: invite.id }))
              }
            >
              {t("revoke")}
            </button>
          </div>
        </>
      ) : null}
      {action.error ? (
        <p className="form-error" role="alert">
          {action.error}
        </p>
      ) : null}
    </li>
  );
}
