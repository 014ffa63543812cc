import 'server-only';
import { forbidden } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { AuditLogView } from '@/components/audit/audit-log-view';
import { can } from '@admin-hub/engine/auth/access';
import { clipChanges } from '@admin-hub/engine/audit/clip';
import { readAuditEntry } from '@admin-hub/engine/audit/entry';
import { auditResource } from '@admin-hub/engine/audit/resource';
import { auditSubjects } from '@admin-hub/engine/audit/subjects';
import { checkDomain } from '@admin-hub/engine/config/current';
import { listResource } from '@admin-hub/engine/list/run-list';
import type { SearchParams } from '@admin-hub/engine/list/list-query';
import { toClientResource } from '@admin-hub/engine/resources/define';
import { requirePageOperator } from './operator';
import { describePageError, guardPage } from './page-guard';

/** Both audit pages: the whole hub's log (superadmins) and one domain's (its admins). */
export async function renderAuditPage(domain: string | undefined, searchParams: SearchParams) {
  const operator = await requirePageOperator(domain ? `/audit/${domain}` : '/audit');
  if (domain) await guardPage(async () => checkDomain(domain)); // an unknown domain: the 404 page
  const resource = auditResource(domain);
  if (!can(operator, resource, 'read')) forbidden();
  // `entry` is the detail drawer's (a shared link to one entry), not a list parameter.
  const { entry: entryParam, ...listParams } = searchParams;
  const entryId = typeof entryParam === 'string' ? entryParam : undefined;
  const t = await getTranslations('audit');
  const outcome = await listResource(operator, 'hub', resource, listParams).then(
    (result) => ({ result, error: undefined }),
    (error: unknown) => ({
      result: undefined,
      error: {
        title: t('logNotLoaded'),
        message: describePageError(error).message,
      },
    }),
  );
  const result = outcome.result ?? {
    rows: [],
    columns: [],
    sort: resource.defaultSort,
    search: undefined,
    pageSize: resource.pageSize,
    page: undefined,
    next: null,
    previous: null,
    count: { value: 0, exact: true, label: '0' },
    trash: false,
  };
  // Long values are clipped for the page (the summary shows a few words of each); the drawer reads an entry in full.
  const rows = result.rows.map((row) => ({ ...row, changes: clipChanges(row.changes) }));
  const entry = entryId ? await readAuditEntry(operator, resource, entryId) : undefined;
  // A domain's log has no domain column: its rows are that domain's.
  const named = result.rows.map((row) => ({ domain: domain ?? row.domain, resource: row.resource, record_id: row.record_id }));
  const subjects = await auditSubjects(operator, entry ? [...named, entry] : named);
  return (
    <AuditLogView
      resource={toClientResource(resource)}
      result={{ ...result, rows }}
      domain={domain}
      error={outcome.error}
      subjects={subjects}
      // The operators pages are the superadmins'.
      canSeeOperators={operator.superadmin}
      initialEntry={entryId ? { id: entryId, entry, subjects } : undefined}
    />
  );
}
