import type { Fieldset } from '@admin-hub/engine/resources/types';

export interface Section<C> {
  /** The fieldset's title; '' for the untitled section and for the last one (`other`). */
  title: string;
  /** The section of the columns no fieldset names: the page titles it "Other" in its language (renderers.otherSection). */
  other?: boolean;
  description: string | undefined;
  columns: C[];
}

/**
 * The definition's fieldsets, each with the shown columns it names in its own order, then the
 * shown columns no fieldset names (in the resource's order) under "Other". A section left with
 * no column (all of them hidden, read-only on create…) is left out; without fieldsets there is
 * one untitled section.
 */
export function sectionsOf<C extends { name: string }>(columns: readonly C[], fieldsets: readonly Fieldset[]): Section<C>[] {
  const byName = new Map(columns.map((c) => [c.name, c]));
  const placed = new Set(fieldsets.flatMap((f) => f.columns));
  const sections: Section<C>[] = fieldsets.map((f) => ({
    title: f.title,
    description: f.description,
    columns: f.columns.flatMap((name) => byName.get(name) ?? []),
  }));
  const rest = columns.filter((c) => !placed.has(c.name));
  if (fieldsets.length === 0) return [{ title: '', description: undefined, columns: [...columns] }];
  sections.push({ title: '', other: true, description: undefined, columns: rest });
  return sections.filter((s) => s.columns.length > 0);
}
