'use server';

import { getTranslations } from 'next-intl/server';
import { readAuditEntry, type AuditEntryDetail } from '@admin-hub/engine/audit/entry';
import { auditResource } from '@admin-hub/engine/audit/resource';
import { auditSubjects, type AuditSubjects } from '@admin-hub/engine/audit/subjects';
import { checkDomain } from '@admin-hub/engine/config/current';
import { actionFailure } from './action-result';
import { currentOperator } from './operator';

export type AuditEntryLoad = { entry: AuditEntryDetail; subjects: AuditSubjects } | { error: string };

/**
 * Server Action: one entry of the log in full, for the detail drawer opened from a row (whose
 * page carries long values clipped). `domain` is the domain log's, or undefined for the whole
 * hub's; readAuditEntry checks that the operator may read that log.
 */
export async function loadAuditEntryAction(domain: string | undefined, id: string): Promise<AuditEntryLoad> {
  try {
    const operator = await currentOperator();
    const log = auditResource(domain === undefined ? undefined : checkDomain(String(domain)));
    const entry = await readAuditEntry(operator, log, String(id));
    if (!entry) return { error: (await getTranslations('audit'))('entryNotInLog') };
    return { entry, subjects: await auditSubjects(operator!, [entry]) };
  } catch (error) {
    return { error: actionFailure(error).error };
  }
}
