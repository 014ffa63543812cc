import { humanize, resolveResource } from '../resources/define';
import type { Resource } from '../resources/types';
import { AUDIT_ACTIONS } from './action-kind';

export { AUDIT_ACTIONS } from './action-kind';

/**
 * The audit log as a resource, so its pages are ordinary lists (search, filters, keyset
 * paging, export) over the hub database. For one domain it is scoped to that domain's
 * entries and readable by the domain's admins; the whole log is for superadmins.
 */
export function auditResource(domain?: string): Resource {
  const resource = resolveResource(
    {
      domain: domain ?? 'hub',
      name: 'audit',
      table: 'public.hub_audit',
      title: domain ? `Audit log — ${domain}` : 'Audit log',
      subtitle: domain ? `Every change made through the hub in ${domain}` : 'Every change and sign-in, in every domain',
      icon: 'scroll-text',
      iconColor: 'rose',
      readOnly: true,
      defaultSort: { column: 'at', direction: 'desc' },
      access: { read: 'admin', export: 'admin' },
      columns: [
        { name: 'id', type: 'bigint', label: 'Entry', list: false },
        { name: 'at', type: 'datetime', label: 'When', nullable: false },
        { name: 'actor_email', type: 'email', label: 'Operator', searchable: true, filter: 'equals' },
        // Selected for the list (not shown as a column): the operator link goes to /operators/<actor_id>.
        { name: 'actor_id', type: 'text', label: 'Operator id', filter: false },
        ...(domain ? [] : [{ name: 'domain', type: 'text' as const, filter: 'equals' as const }]),
        { name: 'resource', type: 'text', filter: 'equals' },
        { name: 'record_id', type: 'text', label: 'Record', searchable: true, filter: 'equals' },
        { name: 'action', type: 'enum', options: AUDIT_ACTIONS, nullable: false },
        // A custom or internal action's name ("toggle-active"): shown beside the action, filterable.
        { name: 'action_name', type: 'text', label: 'Action name', filter: 'equals' },
        { name: 'outcome', type: 'enum', options: ['pending', 'committed', 'aborted', 'unknown', 'succeeded', 'failed'], nullable: false },
        // A json column is left out of lists by default; the log's list needs it for its before → after summary.
        { name: 'changes', type: 'json', label: 'Changes', list: true },
        { name: 'detail', type: 'text', list: false },
        { name: 'ip', type: 'text', label: 'IP', list: false },
        { name: 'user_agent', type: 'text', label: 'User agent', list: false },
        { name: 'request_id', type: 'text', label: 'Request', list: false, filter: 'equals' },
      ],
    },
    {},
  );
  return domain
    ? { ...resource, scope: [{ column: 'domain', value: domain }], refusalSubject: `the audit log of ${humanize(domain)}` }
    : { ...resource, refusalSubject: 'the audit log of the whole hub' };
}
