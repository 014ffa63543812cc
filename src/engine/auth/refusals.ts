import { say } from '../i18n/say';
import { humanize } from '../resources/define';
import type { Resource } from '../resources/types';
import type { Action, Role } from './roles';

/*
 * What a refusal says, in words an operator reads: what they may not do, where, and which
 * role it needs ("You may not permanently delete tags in Blog: that needs the admin role."),
 * never the engine's action names ("hardDelete") or a resource's internal title.
 */

/** Each action as the verb of "You may not … <what>" (in English; refusals say it through the catalogs' access.refused). */
export const ACTION_WORDS: Record<Action, string> = {
  read: 'view',
  export: 'export',
  create: 'create',
  update: 'edit',
  delete: 'delete',
  restore: 'restore',
  hardDelete: 'permanently delete',
  bulk: 'run bulk actions on',
  internal: 'run internal actions on',
};

/** The hub's own database: no domain role reaches its resources (the whole audit log), only superadmin does. */
const HUB = 'hub';

/** What a sentence calls the resource's rows: "tags in Blog", or what its definition says ("the audit log of Blog"). */
export function subjectOf(resource: Pick<Resource, 'title' | 'domain' | 'refusalSubject'>): string {
  return resource.refusalSubject ?? say('access.subject', { title: resource.title.toLowerCase(), domain: humanize(resource.domain) });
}

/** The role `action` needs on this resource. */
export function roleNeeded(resource: Pick<Resource, 'domain' | 'access'>, action: Action): Role {
  return resource.domain === HUB ? 'superadmin' : resource.access[action];
}

export function refusalMessage(resource: Pick<Resource, 'title' | 'domain' | 'refusalSubject' | 'access'>, action: Action): string {
  return say('access.refused', { action, subject: subjectOf(resource), role: roleNeeded(resource, action) });
}

/** A custom action of the definition ("Force merge"), which names its own role. */
export function customActionRefusal(resource: Pick<Resource, 'title' | 'domain' | 'refusalSubject'>, label: string, role: Role): string {
  return say('access.customAction', { label, subject: subjectOf(resource), role });
}

/** Internal actions asked for a domain as a whole (no resource named). */
export function domainInternalRefusal(domain: string, role: Role): string {
  return say('access.domainInternal', { domain: humanize(domain), role });
}
