import { auditActionOf } from '@admin-hub/engine/audit/action-kind';
import type { AuditSubject, AuditSubjects } from '@admin-hub/engine/audit/subjects';

/** The fields of an entry that name what it changed and who did it. */
export interface EntryRef {
  actor_id?: string | null;
  domain?: string | null;
  resource: string | null;
  record_id: string | null;
  action: string;
  /** A custom or internal action's name. */
  action_name?: string | null;
}

/** Links in the log look like links (underlined), not like the text around them. */
export const linkClass = 'text-primary underline decoration-primary/40 underline-offset-2 hover:decoration-primary';

export function subjectOf(subjects: AuditSubjects, domain: string | undefined, e: EntryRef): AuditSubject | undefined {
  const d = domain ?? e.domain;
  return d && e.resource ? subjects[`${d}/${e.resource}`] : undefined;
}

/**
 * The record's page, when there is one to open: the resource still exists, has keys, and the
 * operator may read it. A hard delete's record is gone, so its entry links nowhere. Record ids
 * are stored as the record page's own id segment (composite keys already joined by ',').
 */
export function recordHref(subjects: AuditSubjects, domain: string | undefined, e: EntryRef): string | undefined {
  const d = domain ?? e.domain;
  if (!d || d === 'hub' || !e.resource || !e.record_id || auditActionOf(e).action === 'hard_delete') return undefined;
  if (!subjectOf(subjects, domain, e)?.linkable) return undefined;
  return `/d/${encodeURIComponent(d)}/${encodeURIComponent(e.resource)}/${e.record_id}`;
}

/** The operator's page, for those who may open it (superadmins). */
export function operatorHref(canSeeOperators: boolean, e: EntryRef): string | undefined {
  return canSeeOperators && e.actor_id ? `/operators/${encodeURIComponent(e.actor_id)}` : undefined;
}

/** "Post 12 · Hello world" when the resource and the record's label are known, "Post 12", else "posts / 12". */
export function recordName(subjects: AuditSubjects, domain: string | undefined, e: EntryRef): string {
  const subject = subjectOf(subjects, domain, e);
  const label = subject && e.record_id ? subject.records[e.record_id] : undefined;
  if (subject) return [subject.singular, e.record_id].filter(Boolean).join(' ') + (label ? ` · ${label}` : '');
  return [e.resource, e.record_id].filter(Boolean).join(' / ') || '—';
}
