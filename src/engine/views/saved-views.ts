import { authorize, can, resourceAsSeenBy } from '../auth/access';
import { say } from '../i18n/say';
import { ForbiddenError } from '../auth/errors';
import { roleOn, type Operator } from '../auth/operator';
import { atLeast } from '../auth/roles';
import { recordHubChange } from '../audit/record';
import { query, withTransaction, type Tx } from '../db/query';
import type { Resource } from '../resources/types';
import { SavedViewExistsError, SavedViewInputError, SavedViewLimitError, SavedViewNotFoundError } from './errors';
import { viewQuery } from './view-query';

/*
 * Saved views: an operator's named list states, per domain and resource, private or shared with
 * every operator who may read the resource. Access follows the resource: a view is listed,
 * saved or deleted only by someone who may read what it lists, so a view never shows more
 * than its list would. Changes to shared views are audited (others see them); private ones
 * are nobody else's business.
 */

export const MAX_NAME_LENGTH = 80;
/** Per operator and list: a longer menu stops being a shortcut. */
export const MAX_VIEWS_PER_LIST = 50;
/** Per operator across the hub: keeps one operator from filling the hub database. */
export const MAX_VIEWS_PER_OPERATOR = 500;

export interface SavedView {
  id: string;
  name: string;
  /** The list URL's query string, without paging (see view-query.ts). */
  query: string;
  shared: boolean;
  /** Saved by the operator asking. */
  mine: boolean;
  /** Who saved it (a shared view of someone else). */
  ownerName: string;
  /** The operator asking may delete it: their own, or a shared one as an admin of the domain. */
  deletable: boolean;
  updatedAt: string;
}

type ViewRow = {
  id: string;
  operator_id: string;
  name: string;
  query: string;
  shared: boolean;
  owner_name: string | null;
  owner_email: string | null;
  updated_at: Date;
};

const mayDeleteShared = (operator: Operator, resource: Resource) => atLeast(roleOn(operator, resource.domain), 'admin');

function toView(operator: Operator, resource: Resource, row: ViewRow): SavedView {
  const mine = row.operator_id === operator.id;
  return {
    id: row.id,
    name: row.name,
    query: row.query,
    shared: row.shared,
    mine,
    ownerName: row.owner_name || row.owner_email?.split('@')[0] || 'a former operator',
    deletable: mine || (row.shared && mayDeleteShared(operator, resource)),
    updatedAt: row.updated_at.toISOString(),
  };
}

const SELECT_VIEWS = `SELECT v."id"::text AS "id", v."operator_id", v."name", v."query", v."shared", v."updated_at", u."name" AS "owner_name", u."email" AS "owner_email"
  FROM "hub_saved_views" v LEFT JOIN "hub_user" u ON u."id" = v."operator_id"`;

/**
 * The views of a list this operator may use: their own and the shared ones of the domain, by
 * name (own first). None when the operator may not read the resource.
 */
export async function listSavedViews(operator: Operator, resource: Resource): Promise<SavedView[]> {
  if (!can(operator, resource, 'read')) return [];
  const rows = await query<ViewRow>(
    'hub',
    `${SELECT_VIEWS} WHERE v."domain" = $1 AND v."resource" = $2 AND (v."operator_id" = $3 OR v."shared")
     ORDER BY (v."operator_id" = $3) DESC, lower(v."name"), v."id"`,
    [resource.domain, resource.name, operator.id],
  );
  return rows.map((row) => toView(operator, resource, row));
}

export interface ViewInput {
  name: unknown;
  /** The list's query string as the browser has it; paging is dropped, the rest validated. */
  query: unknown;
  shared: unknown;
  /** Overwrite the operator's own view of the same name instead of refusing. */
  replace?: unknown;
}

function viewName(raw: unknown): string {
  const name = typeof raw === 'string' ? raw.trim() : '';
  if (name === '') throw new SavedViewInputError(say('views.noName'));
  if (name.length > MAX_NAME_LENGTH) throw new SavedViewInputError(say('views.nameTooLong', { max: MAX_NAME_LENGTH }));
  if (/\p{Cc}/u.test(name)) throw new SavedViewInputError(say('views.nameControl'));
  return name;
}

/** One operator's saves, one at a time: the limits below are counted and kept together. */
async function lockOperatorViews(tx: Tx, operatorId: string): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`admin-hub:saved-views:${operatorId}`]);
}

async function checkLimits(tx: Tx, operator: Operator, resource: Resource): Promise<void> {
  const [counts] = await tx.query<{ here: number; total: number }>(
    `SELECT count(*) FILTER (WHERE "domain" = $2 AND "resource" = $3)::int AS "here", count(*)::int AS "total" FROM "hub_saved_views" WHERE "operator_id" = $1`,
    [operator.id, resource.domain, resource.name],
  );
  if (counts!.here >= MAX_VIEWS_PER_LIST) throw new SavedViewLimitError(say('views.perList', { max: MAX_VIEWS_PER_LIST, title: resource.title }));
  if (counts!.total >= MAX_VIEWS_PER_OPERATOR) throw new SavedViewLimitError(say('views.perOperator', { max: MAX_VIEWS_PER_OPERATOR }));
}

/**
 * Saves the operator's view of a list under a name: a new one, or (with `replace`) over their
 * own view of that name, keeping its creation time. Saving or unsharing a shared view is
 * audited in the same transaction.
 */
export async function saveView(operator: Operator, resource: Resource, input: ViewInput): Promise<SavedView> {
  authorize(operator, resource, 'read');
  const name = viewName(input.name);
  // As the operator's own list would parse it: a masked column cannot be filtered or sorted here either.
  const stored = viewQuery(resourceAsSeenBy(operator, resource), input.query as string);
  const shared = input.shared === true;
  return withTransaction('hub', async (tx) => {
    await lockOperatorViews(tx, operator.id);
    const [existing] = await tx.query<{ id: string; query: string; shared: boolean }>(
      `SELECT "id"::text AS "id", "query", "shared" FROM "hub_saved_views" WHERE "operator_id" = $1 AND "domain" = $2 AND "resource" = $3 AND "name" = $4 FOR UPDATE`,
      [operator.id, resource.domain, resource.name, name],
    );
    if (existing && input.replace !== true) throw new SavedViewExistsError(name);
    if (!existing) await checkLimits(tx, operator, resource);
    const [row] = existing
      ? await tx.query<{ id: string }>(
          `UPDATE "hub_saved_views" SET "query" = $2, "shared" = $3, "updated_at" = now() WHERE "id" = $1 RETURNING "id"::text AS "id"`,
          [existing.id, stored, shared],
        )
      : await tx.query<{ id: string }>(
          `INSERT INTO "hub_saved_views" ("operator_id", "domain", "resource", "name", "query", "shared") VALUES ($1, $2, $3, $4, $5, $6) RETURNING "id"::text AS "id"`,
          [operator.id, resource.domain, resource.name, name, stored, shared],
        );
    if (shared || existing?.shared) {
      await recordHubChange(tx, {
        actor: operator,
        domain: resource.domain,
        resource: resource.name,
        action: 'view_save',
        changes: { ...(existing ? { before: { query: existing.query, shared: existing.shared } } : {}), after: { query: stored, shared } },
        detail: `saved view “${name}”`,
      });
    }
    const [saved] = await tx.query<ViewRow>(`${SELECT_VIEWS} WHERE v."id" = $1`, [row!.id]);
    return toView(operator, resource, saved!);
  });
}

/**
 * Deletes a view: the operator's own, or a shared one of the domain by one of its admins.
 * A view the operator cannot see at all is "not found", whoever owns it.
 */
export async function deleteView(operator: Operator, resource: Resource, id: unknown): Promise<{ name: string }> {
  authorize(operator, resource, 'read');
  if (typeof id !== 'string' || !/^\d{1,18}$/.test(id)) throw new SavedViewNotFoundError();
  return withTransaction('hub', async (tx) => {
    const [view] = await tx.query<{ operator_id: string; name: string; query: string; shared: boolean }>(
      `SELECT "operator_id", "name", "query", "shared" FROM "hub_saved_views" WHERE "id" = $1 AND "domain" = $2 AND "resource" = $3 FOR UPDATE`,
      [id, resource.domain, resource.name],
    );
    const mine = view?.operator_id === operator.id;
    if (!view || (!mine && !view.shared)) throw new SavedViewNotFoundError();
    if (!mine && !mayDeleteShared(operator, resource)) throw new ForbiddenError(say('views.sharedByOther', { name: view.name, domain: resource.domain }));
    await tx.query('DELETE FROM "hub_saved_views" WHERE "id" = $1', [id]);
    if (view.shared) {
      await recordHubChange(tx, {
        actor: operator,
        domain: resource.domain,
        resource: resource.name,
        action: 'view_delete',
        changes: { before: { query: view.query, shared: true } },
        detail: `deleted saved view “${view.name}”${mine ? '' : ' (shared by another operator)'}`,
      });
    }
    return { name: view.name };
  });
}
