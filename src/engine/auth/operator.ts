import type { Locale } from '../shared/locale';
import { query } from '../db/query';
import type { DomainRole, Role } from './roles';

/**
 * Who is asking. Every engine call that reads or writes domain data takes one, so access is
 * decided inside the data path and not only by the page that happened to call it.
 */
export interface Operator {
  id: string;
  email: string;
  name: string;
  superadmin: boolean;
  /** Role per domain; a domain missing here is invisible to this operator. */
  roles: Readonly<Record<string, DomainRole>>;
  /** Session id, for "sign out everywhere else" and the audit log. */
  sessionId: string | undefined;
  /** Their own choice of language and time zone (operators/settings.ts); absent: the browser's. */
  locale?: Locale;
  timeZone?: string;
}

/** The effective role on a domain: superadmins act as admin everywhere. */
export function roleOn(operator: Operator, domain: string): Role | undefined {
  if (operator.superadmin) return 'superadmin';
  return operator.roles[domain];
}

/** Grants from the hub database: domain '*' with role 'superadmin' is the hub-wide grant. */
export async function loadGrants(userId: string): Promise<{ superadmin: boolean; roles: Record<string, DomainRole> }> {
  return grantsFrom(await query<{ domain: string; role: string }>('hub', 'SELECT domain, role FROM hub_grants WHERE user_id = $1', [userId]));
}

/** Grant rows (`domain`, `role`; a row of NULLs is no grant) as the operator's superadmin flag and roles by domain. */
export function grantsFrom(rows: readonly { domain: string | null; role: string | null }[]): { superadmin: boolean; roles: Record<string, DomainRole> } {
  const roles: Record<string, DomainRole> = {};
  let superadmin = false;
  for (const row of rows) {
    if (row.domain === null || row.role === null) continue;
    if (row.domain === '*' && row.role === 'superadmin') superadmin = true;
    else roles[row.domain] = row.role as DomainRole;
  }
  return { superadmin, roles };
}

/**
 * The operator for command-line tools (bench, introspect) run by someone with shell access
 * to the server, who could read the databases directly anyway. Never used for a request.
 */
export function commandLineOperator(tool: string): Operator {
  return { id: `cli:${tool}`, email: `${tool}@cli.local`, name: tool, superadmin: true, roles: {}, sessionId: undefined };
}
