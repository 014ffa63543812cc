/*
 * What the audit log's `action` column holds, and how an entry's action is read back. Plain
 * data and pure functions: the engine, the pages and the browser share this file.
 */

/** Every action the log records; the log's action filter offers these. */
export const AUDIT_ACTIONS = [
  'create',
  'update',
  'soft_delete',
  'restore',
  'hard_delete',
  'custom',
  'bulk',
  'export',
  'internal',
  'refresh',
  'sign_in',
  'sign_in_failed',
  'sign_out',
  'roles_change',
  'operator_create',
  'operator_delete',
  'session_revoke',
  'session_revoke_all',
  'view_save',
  'view_delete',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** The fields of an entry that say what was done. */
export interface ActionFields {
  action: string;
  /** The custom or internal action's name (the `action_name` column; absent before it existed). */
  action_name?: string | null;
}

/** Prefix of custom actions' entries written before the `custom` kind: `action:<name>`. */
const LEGACY_CUSTOM = 'action:';

/**
 * An entry's action and, for a custom or internal action, its name. Entries of custom actions
 * written before the `custom` kind read as custom too: `action:<name>` (what the write path
 * stored), and `read` (custom actions ran as a "read" write; reads themselves are never
 * audited, so a `read` entry can only be one of those, its name unknown).
 */
export function auditActionOf(entry: ActionFields): { action: string; name: string | undefined } {
  if (entry.action.startsWith(LEGACY_CUSTOM)) return { action: 'custom', name: entry.action.slice(LEGACY_CUSTOM.length) || undefined };
  if (entry.action === 'read') return { action: 'custom', name: entry.action_name ?? undefined };
  return { action: entry.action, name: entry.action_name ?? undefined };
}

/** The action in words for a badge: "soft delete", "custom: toggle-active", "custom action". */
export function auditActionWords(entry: ActionFields): string {
  const { action, name } = auditActionOf(entry);
  if (action === 'custom') return name ? `custom: ${name}` : 'custom action';
  const words = action.replace(/_/g, ' ');
  return name ? `${words}: ${name}` : words;
}
