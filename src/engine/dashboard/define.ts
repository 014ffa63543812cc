import { DOMAIN_ROLES } from '../auth/roles';
import type { KnownDomain } from '../config/current';
import type { ClientWidget, SeriesSpec, TableColumnSpec, Widget, WidgetDef, WidgetDisplay } from './types';
import { englishOf, inRequestLanguage, labelProblem, type Label } from '../resources/label';

export const DEFAULT_WIDGET_TIMEOUT_MS = 2_000;
const MAX_WIDGET_TIMEOUT_MS = 60_000;
const MIN_REFRESH_SECONDS = 5;

export class WidgetDefinitionError extends Error {
  constructor(id: string, problem: string) {
    super(`Widget "${id}": ${problem}`);
    this.name = 'WidgetDefinitionError';
  }
}

/**
 * The SQL with comments, string literals, quoted identifiers and dollar-quoted bodies blanked
 * out, so `;` and `$1` can be looked for in what PostgreSQL will actually parse as code.
 */
export function sqlCode(sql: string): string {
  let out = '';
  let i = 0;
  while (i < sql.length) {
    const c = sql[i]!;
    const next = sql[i + 1];
    if (c === '-' && next === '-') {
      const end = sql.indexOf('\n', i);
      i = end === -1 ? sql.length : end;
      out += ' ';
    } else if (c === '/' && next === '*') {
      let depth = 1; // PostgreSQL block comments nest
      i += 2;
      while (i < sql.length && depth > 0) {
        if (sql[i] === '/' && sql[i + 1] === '*') {
          depth++;
          i += 2;
        } else if (sql[i] === '*' && sql[i + 1] === '/') {
          depth--;
          i += 2;
        } else {
          i++;
        }
      }
      out += ' ';
    } else if (c === "'" || c === '"') {
      // E'…' strings allow backslash escapes; every kind allows the quote doubled.
      const backslashes = c === "'" && /[eE]/.test(sql[i - 1] ?? '') && !/[\w$]/.test(sql[i - 2] ?? '');
      i++;
      while (i < sql.length) {
        if (backslashes && sql[i] === '\\') i += 2;
        else if (sql[i] === c && sql[i + 1] === c) i += 2;
        else if (sql[i] === c) break;
        else i++;
      }
      i++;
      out += c === "'" ? "''" : '""';
    } else if (c === '$' && !/[\w$]/.test(sql[i - 1] ?? '')) {
      const tag = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(sql.slice(i));
      if (tag) {
        const end = sql.indexOf(tag[0], i + tag[0].length);
        i = end === -1 ? sql.length : end + tag[0].length;
        out += "''";
      } else {
        out += c;
        i++;
      }
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** What is wrong with a widget's SQL for running it read-only and without parameters, if anything. */
export function sqlProblem(sql: string): string | undefined {
  const code = sqlCode(sql).trim().replace(/;\s*$/, '');
  if (code === '') return 'the query is empty.';
  if (code.includes(';')) return 'the query must be a single statement (no ";" between statements).';
  if (/(^|[^\w$])\$\d/.test(code))
    return 'the query must not use parameters ($1 …): a widget runs with none. Use a query function for values computed in code.';
  // SET, COMMIT, DO … would change or end the session the pool hands to the next request.
  if (!/^\(*\s*(select|with|values|table)\b/i.test(code)) return 'the query must be a SELECT (or WITH … SELECT, VALUES, TABLE).';
  return undefined;
}

const ID = /^[a-z0-9][a-z0-9-]*$/;

const seriesColumns = (cols: readonly (string | SeriesSpec<unknown> | TableColumnSpec<unknown>)[]) => cols.map((c) => (typeof c === 'string' ? c : c.column));

/** The columns a display reads from the rows. */
export function displayColumns(display: WidgetDisplay<unknown>): string[] {
  switch (display.kind) {
    case 'number':
      return [display.valueColumn, ...(display.previousColumn ? [display.previousColumn] : [])];
    case 'line':
    case 'bar':
      return [display.xColumn, ...seriesColumns(display.yColumns)];
    case 'table':
      return seriesColumns(display.columns);
  }
}

/**
 * Declares a KPI widget. Checked when the module loads, so a mistake fails the build's page
 * data collection and every test that imports the definitions, naming the widget.
 */
export function defineWidget<D extends string = KnownDomain>(def: WidgetDef<D>): Widget {
  const id = def.id;
  if (!ID.test(id)) throw new WidgetDefinitionError(id, 'the id must be lower-case letters, digits and dashes.');
  const unlabelled = labelsOf(def).find(([, label]) => label !== undefined && labelProblem(label) !== undefined);
  if (unlabelled) throw new WidgetDefinitionError(id, `${unlabelled[0]} ${labelProblem(unlabelled[1])}.`);
  if (!englishOf(def.title).trim()) throw new WidgetDefinitionError(id, 'the title is empty.');
  if (!def.domain) throw new WidgetDefinitionError(id, 'the domain is missing.');
  if (typeof def.query === 'string') {
    const problem = sqlProblem(def.query);
    if (problem) throw new WidgetDefinitionError(id, problem);
  } else if (typeof def.query !== 'function') {
    throw new WidgetDefinitionError(id, 'the query must be SQL text or a function.');
  }
  const timeoutMs = def.timeoutMs ?? DEFAULT_WIDGET_TIMEOUT_MS;
  if (!Number.isInteger(timeoutMs) || timeoutMs < 1 || timeoutMs > MAX_WIDGET_TIMEOUT_MS) {
    throw new WidgetDefinitionError(id, `timeoutMs must be a whole number of milliseconds from 1 to ${MAX_WIDGET_TIMEOUT_MS}.`);
  }
  if (def.refreshSeconds !== undefined && !(def.refreshSeconds >= MIN_REFRESH_SECONDS)) {
    throw new WidgetDefinitionError(id, `refreshSeconds must be at least ${MIN_REFRESH_SECONDS}.`);
  }
  if (def.minRole !== undefined && !DOMAIN_ROLES.includes(def.minRole))
    throw new WidgetDefinitionError(id, `minRole must be one of ${DOMAIN_ROLES.join(', ')}.`);
  const display = def.display;
  if ((display.kind === 'line' || display.kind === 'bar') && display.yColumns.length === 0)
    throw new WidgetDefinitionError(id, 'a chart needs at least one y column.');
  if (display.kind === 'table' && display.columns.length === 0) throw new WidgetDefinitionError(id, 'a table needs at least one column.');
  if (!['number', 'line', 'bar', 'table'].includes(display.kind))
    throw new WidgetDefinitionError(id, `unknown display kind "${(display as { kind: string }).kind}".`);
  if (displayColumns(display).some((c) => typeof c !== 'string' || c === '')) throw new WidgetDefinitionError(id, 'every display column needs a name.');
  return { ...def, timeoutMs, minRole: def.minRole ?? 'viewer' };
}

/** Refuses two widgets with one id (the refresh action finds widgets by id). */
export function widgetList(widgets: readonly Widget[]): readonly Widget[] {
  const seen = new Set<string>();
  for (const w of widgets) {
    if (seen.has(w.id)) throw new WidgetDefinitionError(w.id, 'another widget has the same id.');
    seen.add(w.id);
  }
  return widgets;
}

/** Every Label of a widget, with where it sits (for the error that names it). */
function labelsOf(def: WidgetDef<string>): [string, unknown][] {
  const display = def.display;
  const specs = display.kind === 'table' ? display.columns : display.kind === 'number' ? [] : display.yColumns;
  return [
    ['the title', def.title],
    ['the description', def.description],
    ['previousLabel', display.kind === 'number' ? display.previousLabel : undefined],
    ...specs.flatMap((spec): [string, unknown][] => (typeof spec === 'string' ? [] : [[`the label of "${spec.column}"`, spec.label]])),
  ];
}

/** A display's words in the request's language. */
function displayInRequestLanguage(display: WidgetDisplay<Label>): WidgetDisplay {
  const said = (label: Label | undefined) => (label === undefined ? undefined : inRequestLanguage(label));
  const spec = <S extends { label?: Label }>(s: string | S) => (typeof s === 'string' || s.label === undefined ? s : { ...s, label: said(s.label) });
  switch (display.kind) {
    case 'number':
      return { ...display, previousLabel: said(display.previousLabel) } as WidgetDisplay;
    case 'table':
      return { ...display, columns: display.columns.map(spec) } as WidgetDisplay;
    default:
      return { ...display, yColumns: display.yColumns.map(spec) } as WidgetDisplay;
  }
}

/** The widget without its query, for the browser, in the language of the request. */
export function toClientWidget(widget: Widget): ClientWidget {
  return {
    id: widget.id,
    title: inRequestLanguage(widget.title),
    domain: widget.domain,
    display: displayInRequestLanguage(widget.display),
    ...(widget.description ? { description: inRequestLanguage(widget.description) } : {}),
    ...(widget.refreshSeconds ? { refreshSeconds: widget.refreshSeconds } : {}),
  };
}
