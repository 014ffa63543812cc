/** Something the palette can open: a command ("Open Orders") or a remembered place. */
export interface PaletteCommand {
  /** Unique within the palette; also the item's cmdk value. */
  id: string;
  label: string;
  href: string;
  /** Shown dimmed after the label: the domain, "Command"… */
  hint?: string;
  /** Extra words the filter matches, e.g. the resource's table name. */
  keywords?: string[];
}
