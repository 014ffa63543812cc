import type { Operator } from '../auth/operator';
import { say } from '../i18n/say';
import { UnauthenticatedError } from '../auth/errors';
import { HubError } from '../errors';
import { announceOperatorChange } from '../hub-db/operator-changes';
import { canonicalTimeZone, isLocale, LOCALES, type Locale } from '../shared/locale';
import { query, withTransaction } from '../db/query';

/** An operator's own choices: their language and time zone (absent: the browser's). */
export interface OperatorSettings {
  locale?: Locale;
  timeZone?: string;
}

export class SettingsInputError extends HubError {
  readonly status = 400;
  constructor(message: string) {
    super(message);
    this.name = 'SettingsInputError';
  }
}

export async function loadOperatorSettings(userId: string): Promise<OperatorSettings> {
  const [row] = await query<{ locale: string | null; time_zone: string | null }>(
    'hub',
    'SELECT locale, time_zone FROM hub_operator_settings WHERE user_id = $1',
    [userId],
  );
  return settingsFrom(row);
}

/** A settings row (or none) as the operator's choices: only a language and a zone the hub knows count. */
export function settingsFrom(row: { locale: string | null; time_zone: string | null } | undefined): OperatorSettings {
  const timeZone = canonicalTimeZone(row?.time_zone);
  return { ...(isLocale(row?.locale) ? { locale: row.locale } : {}), ...(timeZone ? { timeZone } : {}) };
}

/**
 * Stores what the operator chose for themselves (only they can: there is no operator id to
 * give). `null` forgets a choice; a key left out keeps it. Every instance forgets its cached
 * copy of the operator, as for a role change, so the next page is in the new language anywhere.
 */
export async function saveOperatorSettings(operator: Operator | null, change: { locale?: string | null; timeZone?: string | null }): Promise<OperatorSettings> {
  if (!operator) throw new UnauthenticatedError();
  return storeOperatorSettings(operator.id, change);
}

/** The same for an operator named by id: the demo's set-up and user:create, never a request. */
export async function storeOperatorSettings(userId: string, change: { locale?: string | null; timeZone?: string | null }): Promise<OperatorSettings> {
  const problems: string[] = [];
  if (change.locale !== undefined && change.locale !== null && !isLocale(change.locale))
    problems.push(say('operators.language', { locale: String(change.locale).slice(0, 20), locales: LOCALES.join(', ') }));
  const timeZone = change.timeZone === undefined || change.timeZone === null ? change.timeZone : canonicalTimeZone(change.timeZone);
  if (timeZone === undefined && change.timeZone !== undefined) problems.push(say('operators.timeZone', { zone: String(change.timeZone).slice(0, 64) }));
  if (problems.length > 0) throw new SettingsInputError(problems.join(' '));
  await withTransaction('hub', async (tx) => {
    await tx.query(
      `INSERT INTO hub_operator_settings (user_id, locale, time_zone) VALUES ($1, $2, $3)
       ON CONFLICT (user_id) DO UPDATE SET
         locale = CASE WHEN $4 THEN EXCLUDED.locale ELSE hub_operator_settings.locale END,
         time_zone = CASE WHEN $5 THEN EXCLUDED.time_zone ELSE hub_operator_settings.time_zone END,
         updated_at = now()`,
      [userId, change.locale ?? null, timeZone ?? null, change.locale !== undefined, change.timeZone !== undefined],
    );
    await announceOperatorChange(userId, tx);
  });
  return loadOperatorSettings(userId);
}
