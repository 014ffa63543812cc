import { humanize, resolveResource } from '../resources/define';
import type { Resource } from '../resources/types';
import { requestLocale } from '../i18n/say';
import { inLocale } from '../resources/localize';
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
      title: domain ? { en: `Audit log — ${domain}`, ko: `감사 로그 — ${domain}` } : { en: 'Audit log', ko: '감사 로그' },
      singular: { en: 'Audit entry', ko: '감사 항목' },
      subtitle: domain
        ? { en: `Every change made through the hub in ${domain}`, ko: `${domain}에서 허브를 통해 한 모든 변경` }
        : { en: 'Every change and sign-in, in every domain', ko: '모든 도메인의 모든 변경과 로그인' },
      icon: 'scroll-text',
      iconColor: 'rose',
      readOnly: true,
      defaultSort: { column: 'at', direction: 'desc' },
      access: { read: 'admin', export: 'admin' },
      columns: [
        { name: 'id', type: 'bigint', label: { en: 'Entry', ko: '항목' }, list: false },
        { name: 'at', type: 'datetime', label: { en: 'When', ko: '시각' }, nullable: false },
        { name: 'actor_email', type: 'email', label: { en: 'Operator', ko: '운영자' }, searchable: true, filter: 'equals' },
        // Selected for the list (not shown as a column): the operator link goes to /operators/<actor_id>.
        { name: 'actor_id', type: 'text', label: { en: 'Operator id', ko: '운영자 ID' }, filter: false },
        ...(domain ? [] : [{ name: 'domain', type: 'text' as const, label: { en: 'Domain', ko: '도메인' }, filter: 'equals' as const }]),
        { name: 'resource', type: 'text', label: { en: 'Resource', ko: '리소스' }, filter: 'equals' },
        { name: 'record_id', type: 'text', label: { en: 'Record', ko: '레코드' }, searchable: true, filter: 'equals' },
        { name: 'action', type: 'enum', label: { en: 'Action', ko: '동작' }, options: AUDIT_ACTIONS, nullable: false },
        // A custom or internal action's name ("toggle-active"): shown beside the action, filterable.
        { name: 'action_name', type: 'text', label: { en: 'Action name', ko: '동작 이름' }, filter: 'equals' },
        {
          name: 'outcome',
          type: 'enum',
          label: { en: 'Outcome', ko: '결과' },
          options: ['pending', 'committed', 'aborted', 'unknown', 'succeeded', 'failed'],
          nullable: false,
        },
        // A json column is left out of lists by default; the log's list needs it for its before → after summary.
        { name: 'changes', type: 'json', label: { en: 'Changes', ko: '변경 내용' }, list: true },
        { name: 'detail', type: 'text', label: { en: 'Detail', ko: '상세' }, list: false },
        { name: 'ip', type: 'text', label: 'IP', list: false },
        { name: 'user_agent', type: 'text', label: { en: 'User agent', ko: '사용자 에이전트' }, list: false },
        { name: 'request_id', type: 'text', label: { en: 'Request', ko: '요청' }, list: false, filter: 'equals' },
      ],
    },
    {},
  );
  // In the request's language, like a domain's resources (resources/localize.ts).
  const [localized] = inLocale([resource], requestLocale());
  return domain
    ? { ...localized!, scope: [{ column: 'domain', value: domain }], refusalSubject: `the audit log of ${humanize(domain)}` }
    : { ...localized!, refusalSubject: 'the audit log of the whole hub' };
}
