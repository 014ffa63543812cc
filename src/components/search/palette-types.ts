/** The palette's own words for a command (src/i18n/messages/<locale>/search.json, `commands`): resource titles come from the engine. */
export const PALETTE_WORDS = [
  'openDashboard',
  'openDomain',
  'openResource',
  'newRecord',
  'openDomainAudit',
  'openAuditLog',
  'openOperators',
  'newOperator',
] as const;
export type PaletteWord = (typeof PALETTE_WORDS)[number];

/** Something the palette can open: a command ("Open Orders") or a remembered place. */
export interface PaletteCommand {
  /** Unique within the palette; also the item's cmdk value. */
  id: string;
  /** In English; the palette shows `say` in the operator's language when there is one. */
  label: string;
  /** The label as a message of the palette's catalog and its arguments (names and titles, already in the operator's language). */
  say?: { key: PaletteWord; values?: Record<string, string> };
  href: string;
  /** Shown dimmed after the label: the domain, "Command"… */
  hint?: string;
  /** The hint is the word "Domain" (translated), not a name. */
  hintIsDomainWord?: boolean;
  /** Extra words the filter matches, e.g. the resource's table name. */
  keywords?: string[];
}
