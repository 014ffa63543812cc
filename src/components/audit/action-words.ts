import { useTranslations } from 'next-intl';
import { AUDIT_ACTIONS, auditActionOf, type ActionFields, type AuditAction } from '@admin-hub/engine/audit/action-kind';

const KNOWN: readonly string[] = AUDIT_ACTIONS;

/**
 * An entry's action in the operator's words for a badge: "soft delete", "custom: toggle-active",
 * "custom action" (English as auditActionWords has it). An action this hub does not know is
 * shown as stored, underscores as spaces; a custom action's name is the definition's own.
 */
export function useAuditActionWords(): (entry: ActionFields) => string {
  const t = useTranslations('audit');
  return (entry) => {
    const { action, name } = auditActionOf(entry);
    if (action === 'custom' && !name) return t('customAction');
    const words = KNOWN.includes(action) ? t(`actions.${action as AuditAction}`) : action.replace(/_/g, ' ');
    return name ? t('actionWithName', { action: words, name }) : words;
  };
}

/** An entry's outcome in the operator's words ("committed", "pending"…); one this hub does not know, as stored. */
export function useOutcomeWords(): (outcome: string) => string {
  const t = useTranslations('audit');
  return (outcome) => (OUTCOMES.includes(outcome) ? t(`outcomes.${outcome as Outcome}`) : outcome);
}

const OUTCOMES_LIST = ['committed', 'succeeded', 'pending', 'unknown', 'failed', 'aborted'] as const;
type Outcome = (typeof OUTCOMES_LIST)[number];
const OUTCOMES: readonly string[] = OUTCOMES_LIST;
