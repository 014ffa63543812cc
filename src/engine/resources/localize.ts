import { LOCALES, type Locale } from '../shared/locale';
import { ResourceDefinitionError } from './errors';
import { englishOf, labelProblem, translationOf, type Label } from './label';
import type { ColumnDef, FullResourceDef, Resource, ResourceDef, ResourceTexts } from './types';

/*
 * A definition's words in every language: resolved in English (what the engine checks and
 * logs), with the other languages' texts kept beside them (Resource.translations) and laid
 * over the English by `inLocale` for a request in that language. Introspected resources have
 * none: their prettified names serve every language.
 */

type AnyDef = ResourceDef<string> | FullResourceDef;

/** Every Label of a definition, with where it sits (for the start-up error that names it). */
function labelsOf(def: AnyDef): [where: string, label: unknown][] {
  const out: [string, unknown][] = [
    ['title', def.title],
    ['singular', def.singular],
    ['subtitle', def.subtitle],
  ];
  const columns: [string, Partial<ColumnDef>][] = [
    ...(def.columns ?? []).map((c) => [c.name, c] as [string, Partial<ColumnDef>]),
    ...Object.entries(def.computed ?? {}),
  ];
  for (const [name, c] of columns) {
    out.push([`column "${name}" label`, c.label], [`column "${name}" help`, c.help]);
    for (const [value, label] of Object.entries(c.optionLabels ?? {})) out.push([`column "${name}" option "${value}"`, label]);
  }
  for (const [kind, actions] of [
    ['action', def.actions],
    ['internal action', def.internalActions],
  ] as const)
    for (const [name, a] of Object.entries(actions ?? {})) out.push([`${kind} "${name}" label`, a.label], [`${kind} "${name}" confirm`, a.confirm]);
  (def.fieldsets ?? []).forEach((f, i) => out.push([`fieldset ${i + 1} title`, f?.title], [`fieldset ${i + 1} description`, f?.description]));
  (def.inlines ?? []).forEach((inline, i) => out.push([`inline ${i + 1} title`, inline?.title]));
  return out;
}

/** An enum's labels in English, for the resolved column. */
export function englishOptionLabels(labels: Readonly<Record<string, Label>>): Record<string, string> {
  return Object.fromEntries(Object.entries(labels).map(([value, label]) => [value, englishOf(label)]));
}

/**
 * The definition's texts in each language but English, where it gives them. A Label without
 * every language (a definition in plain JavaScript, or cast) stops the start, naming it.
 */
export function translationsOf(id: string, def: AnyDef): Partial<Record<Locale, ResourceTexts>> {
  for (const [where, label] of labelsOf(def)) {
    const problem = label === undefined ? undefined : labelProblem(label);
    if (problem) throw new ResourceDefinitionError(id, `${where} ${problem}.`);
  }
  const out: Partial<Record<Locale, ResourceTexts>> = {};
  for (const locale of LOCALES) {
    if (locale === 'en') continue;
    const t = (label: Label | undefined) => translationOf(label, locale);
    const columns: ResourceTexts['columns'] = {};
    for (const c of [...(def.columns ?? []), ...Object.entries(def.computed ?? {}).map(([name, c]) => ({ ...c, name }))]) {
      const options = Object.fromEntries(
        Object.entries(c.optionLabels ?? {}).flatMap(([value, label]) => (t(label) === undefined ? [] : [[value, t(label)!]])),
      );
      const texts = { label: t(c.label), help: t(c.help)?.trim(), ...(Object.keys(options).length ? { options } : {}) };
      if (texts.label !== undefined || texts.help !== undefined || texts.options) columns[c.name] = texts;
    }
    const actionTexts = (actions: Record<string, { label?: Label; confirm?: Label }> | undefined) =>
      Object.fromEntries(Object.entries(actions ?? {}).map(([name, a]) => [name, { label: t(a.label), confirm: t(a.confirm) }]));
    const title = t(def.title);
    const texts: ResourceTexts = {
      title,
      // Korean has no plural: one row's kind is the title, unless the definition says otherwise.
      singular: t(def.singular) ?? (locale === 'ko' ? title : undefined),
      subtitle: t(def.subtitle),
      columns,
      actions: actionTexts(def.actions),
      internalActions: actionTexts(def.internalActions),
      fieldsets: (def.fieldsets ?? []).map((f) => ({ title: t(f.title)?.trim(), description: t(f.description) })),
      inlines: (def.inlines ?? []).map((inline) => t(inline.title)),
    };
    if (saysAnything(texts)) out[locale] = texts;
  }
  return out;
}

/** Whether a language's texts hold any word at all (a definition in English only has none). */
function saysAnything(texts: ResourceTexts): boolean {
  const given = (...values: (string | undefined)[]) => values.some((v) => v !== undefined);
  return (
    given(texts.title, texts.singular, texts.subtitle) ||
    Object.keys(texts.columns).length > 0 ||
    [...Object.values(texts.actions), ...Object.values(texts.internalActions)].some((a) => given(a.label, a.confirm)) ||
    texts.fieldsets.some((f) => given(f.title, f.description)) ||
    given(...texts.inlines)
  );
}

/** One resource in `locale`: its own texts over the English ones, and its neighbours' titles where it shows them. */
function localized(resource: Resource, locale: Locale, titles: ReadonlyMap<string, { title: string; singular: string }>): Resource {
  const texts = resource.translations[locale];
  const columns = resource.columns.map((c) => {
    const own = texts?.columns[c.name];
    const target = c.references?.target && titles.get(c.references.resource);
    if (!own && !target) return c;
    return {
      ...c,
      label: own?.label ?? c.label,
      ...(own?.help !== undefined ? { help: own.help } : {}),
      ...(own?.options ? { optionLabels: { ...c.optionLabels, ...own.options } } : {}),
      references: target && c.references?.target ? { ...c.references, target: { ...c.references.target, ...target } } : c.references,
    };
  });
  const actions = <A extends { label: string; confirm: string | undefined }>(all: Record<string, A>, own: ResourceTexts['actions'] | undefined) =>
    Object.fromEntries(
      Object.entries(all).map(([name, a]) => [name, { ...a, label: own?.[name]?.label ?? a.label, confirm: own?.[name]?.confirm ?? a.confirm }]),
    );
  const title = titles.get(resource.name);
  return {
    ...resource,
    title: title?.title ?? resource.title,
    singular: title?.singular ?? resource.singular,
    subtitle: texts?.subtitle ?? resource.subtitle,
    columns,
    actions: actions(resource.actions, texts?.actions),
    internalActions: actions(resource.internalActions, texts?.internalActions),
    fieldsets: resource.fieldsets.map((f, i) => ({
      ...f,
      title: texts?.fieldsets[i]?.title ?? f.title,
      description: texts?.fieldsets[i]?.description ?? f.description,
    })),
    inlines: resource.inlines.map((inline, i) => ({ ...inline, title: texts?.inlines[i] ?? inline.title ?? titles.get(inline.resource)?.title })),
    referrers: resource.referrers.map((r) => ({ ...r, title: titles.get(r.resource)?.title ?? r.title })),
  };
}

const cache = new WeakMap<readonly Resource[], Map<Locale, Resource[]>>();

/**
 * A domain's resources as a request in `locale` shows them (the same objects in English, or
 * when no definition of the domain gives that language). Made once per list and language.
 */
export function inLocale(resources: readonly Resource[], locale: Locale): Resource[] {
  if (locale === 'en' || !resources.some((r) => r.translations[locale])) return resources as Resource[];
  let byLocale = cache.get(resources);
  if (!byLocale) cache.set(resources, (byLocale = new Map()));
  let out = byLocale.get(locale);
  if (!out) {
    const titles = new Map<string, { title: string; singular: string }>();
    for (const r of resources) {
      const texts = r.translations[locale];
      if (texts?.title !== undefined) titles.set(r.name, { title: texts.title, singular: texts.singular ?? r.singular });
    }
    out = resources.map((r) => localized(r, locale, titles));
    byLocale.set(locale, out);
  }
  return out;
}
