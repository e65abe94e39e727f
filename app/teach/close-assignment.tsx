"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { closedAssignmentSchema, readApiError, type ApiError } from "@/app/api/contract";
import { useRefusalMessage } from "@/app/_components/use-refusal-message";

export interface CloseAssignmentProps {
  assignmentId: string;
  teacherKey: string;
}

/**
 * Ends the assignment now: no more answers, and in a test the students who
 * sent theirs can see the answers. A test without a due date ends only so.
 */
export function CloseAssignment({ assignmentId, teacherKey }: CloseAssignmentProps) {
  const { t } = useTranslation("teach");
  const refusalMessage = useRefusalMessage();
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<Pick<ApiError, "code" | "retryAfter"> | null>(null);
  const [offline, setOffline] = useState(false);

  async function close() {
    if (!window.confirm(t("results.closeConfirm"))) return;
    setBusy(true);
    setRefusal(null);
    setOffline(false);
    try {
      const response = await fetch(`/api/assignments/${encodeURIComponent(assignmentId)}/close`, {
        method: "POST",
        headers: { Authorization: `Bearer ${teacherKey}` },
      });
      const body: unknown = await response.json().catch(() => null);
      if (response.ok && closedAssignmentSchema.safeParse(body).success) router.refresh();
      else setRefusal(readApiError(body) ?? { code: "server_error" });
    } catch {
      setOffline(true);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <button type="button" className="button" onClick={() => void close()} disabled={busy}>
        {busy ? t("results.closing") : t("results.closeNow")}
      </button>
      {refusal || offline ? (
        <p className="form-error" role="alert">
          {refusal ? refusalMessage(refusal) : t("results.closeOffline")}
        </p>
      ) : null}
    </>
  );
}
