import fc from 'fast-check';
import { DATES, ESCAPES, FOREIGN_ORIGINS, FORGED_COOKIES, HOSTILE_TEXT, JSON_ODDITIES, NUMBERS, PROTO_KEYS, SQL, SURROGATES, WORDS } from './corpus';
import { actionBody, escapeText, multipart, queryString, type ActionArg, type QueryPart } from './encode';
import type { FuzzRequest } from './send';

/**
 * fast-check generators of hostile requests: every route of the hub (found under src/app and
 * at the server's own doors) × its parameters × values from the corpus, fast-check's own
 * strings, and plausible values (real names, columns, ids, cursors) so a request also gets
 * past the first check and into the code behind it × who sends it.
 */

/** One resource as the fuzz suite knows it: from the definitions, or from the zoo's catalog and its list page. */
export interface ResourceInfo {
  domain: string;
  name: string;
  columns: string[];
  /** Record ids as they appear in links (already URL-encoded). */
  ids: string[];
  /** `next` cursors seen on its list. */
  cursors: string[];
  customActions: string[];
  internalActions: string[];
}

export interface Targets {
  /** The hub's own origin (http://127.0.0.1:<port>). */
  origin: string;
  domains: string[];
  resources: ResourceInfo[];
  /** Server Action ids by exported name, and the page path each is posted to. */
  actions: Record<string, { id: string; page: 'list' | 'record' | 'new' | 'operator' | 'operators-new' | 'dashboard' | 'audit' }>;
  widgetIds: string[];
  /** Operators a write may target without taking the fuzzer's own sessions or roles away. */
  operatorIds: string[];
  operatorEmails: string[];
  sessionIds: string[];
  auditIds: string[];
}

export interface Sender {
  /** `anonymous`, `forged`, or an operator kind of startHub. */
  operator: string;
  /** The Cookie header to send, if any. */
  cookie: string | undefined;
}

type Arb<T> = fc.Arbitrary<T>;

// ---------------------------------------------------------------------------------------
// Values

const halfSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const control = fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c));

/** A hostile text value: the corpus, fast-check's strings (any code point, half surrogates, control characters), and mixtures. */
export const hostile: Arb<string> = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...HOSTILE_TEXT) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.oneof(halfSurrogate, control, fc.constantFrom('\u0000', '%', "'", '"', '\\')), maxLength: 8 }) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...HOSTILE_TEXT), fc.constantFrom(...SQL, ...SURROGATES, '\u0000')).map(([a, b]) => a + b) },
);

/** A value for a slot: hostile, or one of the plausible values the slot takes (and those with something hostile attached). */
function value(plausible: readonly string[], hostileWeight = 2): Arb<string> {
  if (plausible.length === 0) return hostile;
  return fc.oneof(
    { weight: hostileWeight, arbitrary: hostile },
    { weight: 4, arbitrary: fc.constantFrom(...plausible) },
    {
      weight: 1,
      arbitrary: fc.tuple(fc.constantFrom(...plausible), fc.constantFrom('\u0000', "'", '\uD800', ' OR 1=1', '%', ',', '..', '\u202E')).map(([a, b]) => a + b),
    },
  );
}

/** A value that is nearly always one of the plausible ones: for the fields that name what a request is about, so the rest gets through to the code behind. */
function mostly(plausible: readonly string[]): Arb<string> {
  return fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...plausible) }, { weight: 1, arbitrary: hostile });
}

/** A path segment: a plausible one (as is), hostile text (escaped), or a raw broken escape. */
function segment(plausible: readonly string[], sent: string[]): Arb<string> {
  const options: { weight: number; arbitrary: Arb<{ raw: string; text: string }> }[] = [
    { weight: 2, arbitrary: hostile.map((text) => ({ raw: escapeText(text), text })) },
    { weight: 1, arbitrary: fc.constantFrom(...ESCAPES).map((raw) => ({ raw, text: raw })) },
  ];
  if (plausible.length > 0) {
    options.push({ weight: 30, arbitrary: fc.constantFrom(...plausible).map((raw) => ({ raw, text: raw })) });
    options.push({ weight: 1, arbitrary: fc.tuple(fc.constantFrom(...plausible), fc.constantFrom(...ESCAPES)).map(([p, e]) => ({ raw: p + e, text: p + e })) });
  }
  return fc.oneof(...options).map(({ raw, text }) => {
    sent.push(text);
    return raw === '' ? '%20' : raw;
  });
}

/** A JSON value for a body: hostile strings, numbers at the limits, deep or odd structures, fast-check's JSON values. */
const jsonValue: Arb<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostile },
  { weight: 2, arbitrary: fc.constantFrom(0, -0, 1, -1, 2 ** 31, 2 ** 53 + 1, 2 ** 63, -(2 ** 63), 1e308, -1e308, 5e-324, 0.1 + 0.2) },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, [], {}, [null], { __proto__: null }) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

// ---------------------------------------------------------------------------------------
// Senders and headers

/** The Origin a state-changing request carries: usually the hub's own, else foreign, odd or missing. */
function origin(t: Targets): Arb<string | undefined> {
  return fc.oneof(
    { weight: 12, arbitrary: fc.constant(t.origin) },
    { weight: 2, arbitrary: fc.constantFrom(...FOREIGN_ORIGINS) },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
}

/** Header values node:http puts on the wire: Latin-1 without control characters. */
const headerSafe = (text: string) => text.replace(/[^\x20-\x7e\x80-\xff]/g, '?');

/** Extra headers now and then: Next.js's own request headers with junk, forwarded hosts, odd content types. */
const extraHeaders: Arb<Record<string, string>> = fc.oneof(
  { weight: 24, arbitrary: fc.constant({}) },
  { weight: 1, arbitrary: fc.constant({ rsc: '1' }) },
  { weight: 1, arbitrary: hostile.map((h) => ({ rsc: '1', 'next-router-state-tree': headerSafe(escapeText(h)) })) },
  { weight: 1, arbitrary: fc.constantFrom(...JSON_ODDITIES).map((h) => ({ rsc: '1', 'next-router-state-tree': headerSafe(encodeURIComponent(h)) })) },
  { weight: 1, arbitrary: hostile.map((h) => ({ rsc: '1', 'next-router-prefetch': '1', 'next-router-segment-prefetch': headerSafe(h) })) },
  { weight: 1, arbitrary: hostile.map((h) => ({ 'next-url': headerSafe(h) })) },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom('evil.example', '127.0.0.1:1', '', '[::1]', 'a'.repeat(300))
      .map((h) => ({ 'x-forwarded-host': h, 'x-forwarded-proto': 'https' })),
  },
  { weight: 1, arbitrary: hostile.map((h) => ({ 'accept-language': headerSafe(h), 'user-agent': headerSafe(h), 'x-request-id': headerSafe(h) })) },
  { weight: 1, arbitrary: fc.constant({ 'accept-encoding': 'gzip;q=NaN, br;q=-1, *;q=1e309' }) },
);

interface Built {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: Buffer;
  note: string;
}

/** Assembles a request from what a route maker built: the sender's cookie, headers, the values sent. */
function finish(route: string, sender: Sender, sent: string[], built: Built, extra: Record<string, string>): FuzzRequest {
  const headers: Record<string, string> = { ...extra, ...(built.headers ?? {}) };
  if (sender.cookie !== undefined) headers.cookie = sender.cookie;
  for (const [k, v] of Object.entries(headers)) headers[k] = headerSafe(v);
  return { route, operator: sender.operator, method: built.method, path: built.path, headers, body: built.body, sent, note: built.note };
}

// ---------------------------------------------------------------------------------------
// Parameters of a list (pages, the JSON list, export, bulk's count, the audit log)

const LIST_KEYS = ['q', 'sort', 'size', 'page', 'after', 'before', 'cols', 'count', 'trash', 'pn'];

function listPairs(
  r: Pick<ResourceInfo, 'columns' | 'cursors' | 'ids'>,
  sent: string[],
  extraKeys: readonly string[] = [],
): Arb<[QueryPart, QueryPart | undefined][]> {
  const cols = r.columns.length > 0 ? r.columns : ['id'];
  const filterKeys = cols.flatMap((c) => [`f.${c}`, `f.${c}.min`, `f.${c}.max`, `f.${c}.null`]);
  const plausibleFor = (key: string): string[] => {
    switch (key) {
      case 'q':
        return ['a', 'Book', 'Person 1', 'x@example.test', '1'];
      case 'sort':
        return cols.flatMap((c) => [c, `-${c}`]);
      case 'size':
        return ['1', '50', '500', '501', '0', '5'];
      case 'page':
      case 'pn':
        return ['1', '2', '3', '999999999', '1000000000'];
      case 'after':
      case 'before':
        return [...r.cursors, 'WyIxIl0', 'W251bGxd', '~', 'eyJ4IjoxfQ'];
      case 'cols':
        return [cols.join(','), cols[0]!, `${cols[0]},${cols[0]}`];
      case 'count':
        return ['exact'];
      case 'trash':
        return ['1'];
      case 'format':
        return ['csv', 'jsonl', 'json', 'xlsx'];
      default:
        return key.endsWith('.null')
          ? ['true', 'false']
          : [...WORDS.slice(0, 4), ...NUMBERS.slice(0, 8), ...DATES.slice(0, 4), ...r.ids.slice(0, 3), 'calm', 'paid'];
    }
  };
  const key: Arb<QueryPart> = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...LIST_KEYS, ...extraKeys) },
    { weight: 5, arbitrary: fc.constantFrom(...filterKeys) },
    { weight: 1, arbitrary: fc.constantFrom(...PROTO_KEYS, 'f.', 'f..', 'f.__proto__', 'f.constructor.min', 'f.x.y.z', 'f.id.nul', '__proto__[x]', 'a[]') },
    { weight: 1, arbitrary: hostile },
    { weight: 1, arbitrary: fc.constantFrom(...ESCAPES).map((raw) => ({ raw })) },
  );
  const pair: Arb<[QueryPart, QueryPart | undefined]> = key.chain((k) => {
    const plausible = typeof k === 'string' ? plausibleFor(k) : [];
    const v: Arb<QueryPart | undefined> = fc.oneof(
      { weight: 12, arbitrary: value(plausible) },
      { weight: 1, arbitrary: fc.constantFrom(...ESCAPES).map((raw) => ({ raw })) },
      { weight: 1, arbitrary: fc.constant(undefined) },
    );
    return v.map((val) => [k, val] as [QueryPart, QueryPart | undefined]);
  });
  return fc.array(pair, { minLength: 0, maxLength: 5 }).map((pairs) => {
    for (const [k, v] of pairs) for (const p of [k, v]) if (p !== undefined) sent.push(typeof p === 'string' ? p : p.raw);
    return pairs;
  });
}

// ---------------------------------------------------------------------------------------
// Route makers: one per door of the app (pattern and method, as discoverDoors names them: the
// route files and the server's own doors from src/engine/http/doors.ts), one per Server Action.

type Maker = (t: Targets, sender: Sender, sent: string[]) => Arb<Built>;

const resourceArb = (t: Targets, domain?: string) => {
  const pool = domain ? t.resources.filter((r) => r.domain === domain) : t.resources;
  return fc.constantFrom(...pool);
};

/** Domain and resource segments: mostly a real pair, sometimes another domain's resource, or either hostile. */
function domainAndResource(t: Targets, sent: string[]): Arb<{ d: string; r: string; info: ResourceInfo }> {
  return resourceArb(t).chain((info) => {
    const others = t.domains.filter((d) => d !== info.domain);
    const domain = fc.oneof({ weight: 19, arbitrary: segment([info.domain], sent) }, { weight: 1, arbitrary: fc.constantFrom(...others) });
    return fc.tuple(domain, segment([info.name], sent)).map(([d, r]) => ({ d, r, info }));
  });
}

/** A record id: a real one (as linked), another resource's, or hostile. */
function recordId(info: ResourceInfo, sent: string[]): Arb<string> {
  return segment([...info.ids, ...(info.ids.length === 0 ? ['1'] : []), `${info.ids[0] ?? '1'},2`], sent);
}

const get = (path: string, note: string, headers?: Record<string, string>): Built => ({ method: 'GET', path, note, headers });

function jsonPost(path: string, body: Arb<unknown>, note: string, t: Targets, method = 'POST'): Arb<Built> {
  return fc.tuple(body, origin(t), fc.integer({ min: 0, max: 19 })).map(([b, o, shape]) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (o !== undefined) headers.origin = o;
    let text: Buffer;
    if (shape === 0) text = Buffer.from(JSON_ODDITIES[Math.abs(JSON.stringify(b ?? null).length) % JSON_ODDITIES.length]!);
    else if (shape === 1) text = Buffer.from([0xff, 0xfe, 0x00, 0x7b, 0xed, 0xa0, 0x80]);
    else if (shape === 2) {
      text = Buffer.from(`{"__proto__":{"superadmin":true,"action":"delete"},"constructor":{"prototype":{"x":1}},"x":${JSON.stringify(b ?? null)}}`);
    } else if (shape === 3) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      text = Buffer.from(`json=${escapeText(JSON.stringify(b ?? null))}`);
    } else if (shape === 4) {
      headers['content-type'] = 'text/plain';
      text = Buffer.from(JSON.stringify(b ?? null));
    } else text = Buffer.from(JSON.stringify(b ?? null) ?? 'null');
    return { method, path, headers, body: text, note: `${note} (body shape ${shape})` };
  });
}

/** An object with the keys a body is read for, each present or not, hostile or plausible, and some keys nobody reads. */
function bodyObject(fields: Record<string, Arb<unknown>>, sent: string[]): Arb<Record<string, unknown>> {
  const entries = Object.entries(fields).map(([k, arb]) => fc.option(arb, { freq: 4 }).map((v) => [k, v] as const));
  return fc
    .tuple(
      fc.tuple(...entries),
      fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...PROTO_KEYS, 'extra', '$where'), jsonValue) }),
    )
    .map(([pairs, extra]) => {
      const out: Record<string, unknown> = {};
      for (const [k, v] of pairs) if (v !== null) Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
      if (extra) Object.defineProperty(out, extra[0], { value: extra[1], enumerable: true, writable: true, configurable: true });
      collectStrings(out, sent);
      return out;
    });
}

/** A body a page of the hub could have sent, with at most one field swapped for something hostile (a third of them untouched). */
function nearlyValid(good: Record<string, Arb<unknown>>, sent: string[]): Arb<Record<string, unknown>> {
  return fc
    .tuple(fc.record(good), fc.option(fc.tuple(fc.constantFrom(...Object.keys(good)), fc.oneof(hostile, jsonValue)), { freq: 3 }))
    .map(([body, swap]) => {
      const out: Record<string, unknown> = { ...body };
      if (swap) out[swap[0]] = swap[1];
      collectStrings(out, sent);
      return out;
    });
}

function collectStrings(value: unknown, sent: string[]): void {
  if (typeof value === 'string') sent.push(value);
  else if (Array.isArray(value)) for (const v of value) collectStrings(v, sent);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      sent.push(k);
      collectStrings(v, sent);
    }
  }
}

/** Something where a string is expected: usually a string (plausible or hostile), sometimes another JSON type. */
const stringish = (plausible: readonly string[]) => fc.oneof({ weight: 6, arbitrary: value(plausible) }, { weight: 1, arbitrary: jsonValue });

const AUDIT_COLUMNS = [
  'at',
  'actor_email',
  'domain',
  'resource',
  'record_id',
  'action',
  'outcome',
  'changes',
  'detail',
  'ip',
  'user_agent',
  'request_id',
  'id',
];

/** GET makers for the list-like pages and endpoints. */
function listMaker(prefix: string, suffix: string, note: string, extraKeys: readonly string[] = []): Maker {
  return (t, _s, sent) =>
    domainAndResource(t, sent).chain(({ d, r, info }) =>
      listPairs(info, sent, extraKeys).map((pairs) => get(`${prefix}/${d}/${r}${suffix}${queryString(pairs)}`, `${note} ${info.domain}/${info.name}`)),
    );
}

const AUTH_GET = ['get-session', 'list-sessions', 'list-accounts', 'account-info', 'ok', 'error', 'verify-email', 'delete-user/callback', 'reset-password/x'];
/** Better Auth's POST endpoints and the body fields each reads. */
const AUTH_POST: Record<string, string[]> = {
  'sign-in/email': ['email', 'password', 'callbackURL', 'rememberMe'],
  'sign-in/social': ['provider', 'callbackURL', 'idToken'],
  'sign-in/oauth2': ['providerId', 'callbackURL'],
  'sign-up/email': ['email', 'password', 'name'],
  'request-password-reset': ['email', 'redirectTo'],
  'reset-password': ['newPassword', 'token'],
  'update-user': ['name', 'image'],
  'change-password': ['currentPassword', 'newPassword', 'revokeOtherSessions'],
  'change-email': ['newEmail', 'callbackURL'],
  'verify-password': ['password'],
  'send-verification-email': ['email', 'callbackURL'],
  'link-social': ['provider', 'callbackURL'],
  'unlink-account': ['providerId', 'accountId'],
  'update-session': ['name', 'expiresAt', 'userId'],
  'get-access-token': ['providerId', 'accountId', 'userId'],
  'refresh-token': ['providerId', 'accountId'],
  'delete-user': ['password', 'token', 'callbackURL'],
  'revoke-other-sessions': [],
  'get-session': [],
};
/** These end the sender's own session: sent only without a real one, so the fuzzer keeps its cookies. */
const AUTH_SESSION_ENDING: Record<string, string[]> = { 'sign-out': [], 'revoke-sessions': [], 'revoke-session': ['token'] };

/** Plausible values of Better Auth's body fields (hostile ones are mixed in by `stringish`). */
const AUTH_FIELD_VALUES: Record<string, string[]> = {
  email: ['root@e2e.test', 'nobody@e2e.test', 'a@b', ''],
  password: ['e2e-password-wrong-but-long', 'short'],
  currentPassword: ['e2e-password-wrong-but-long'],
  newPassword: ['a-new-password-long-enough'],
  name: ['Renamed by fuzz', ''],
  image: ['https://evil.example/x.png'],
  provider: ['github', 'google', 'oidc'],
  providerId: ['oidc', 'credential'],
  callbackURL: ['/', 'https://evil.example/'],
  redirectTo: ['https://evil.example/'],
  newEmail: ['new@e2e.test'],
  token: ['x', ''],
  rememberMe: ['true'],
};

const MAKERS: Record<string, Maker> = {
  'GET /': (t, _s, sent) => listPairs({ columns: [], cursors: [], ids: [] }, sent).map((p) => get(`/${queryString(p)}`, 'dashboard')),
  'GET /sign-in': (_t, _s, sent) =>
    fc
      .tuple(
        value(['/', '/d/blog/posts', '//evil.example', 'https://evil.example', '/\\evil.example']),
        value(['OAuthCallbackError', 'access_denied', 'session']),
      )
      .map(([next, error]) => {
        sent.push(next, error);
        return get(
          `/sign-in${queryString([
            ['next', next],
            ['error', error],
          ])}`,
          'sign-in page',
        );
      }),
  'GET /d/[domain]': (t, _s, sent) => segment(t.domains, sent).map((d) => get(`/d/${d}`, 'domain page')),
  'GET /d/[domain]/[resource]': listMaker('/d', '', 'list page'),
  'GET /d/[domain]/[resource]/[id]': (t, _s, sent) =>
    domainAndResource(t, sent).chain(({ d, r, info }) =>
      fc.tuple(recordId(info, sent), value(['created', 'updated', 'deleted'])).map(([id, saved]) => {
        sent.push(saved);
        return get(`/d/${d}/${r}/${id}${queryString([['saved', saved]])}`, `record page ${info.domain}/${info.name}`);
      }),
    ),
  'GET /d/[domain]/[resource]/[id]/edit': (t, _s, sent) =>
    domainAndResource(t, sent).chain(({ d, r, info }) =>
      recordId(info, sent).map((id) => get(`/d/${d}/${r}/${id}/edit`, `edit page ${info.domain}/${info.name}`)),
    ),
  'GET /d/[domain]/[resource]/new': (t, _s, sent) =>
    domainAndResource(t, sent).chain(({ d, r, info }) =>
      listPairs({ columns: info.columns, cursors: [], ids: [] }, sent).map((p) =>
        get(`/d/${d}/${r}/new${queryString(p)}`, `new page ${info.domain}/${info.name}`),
      ),
    ),
  'GET /d/market/vip-customers': (t, _s, sent) => {
    const customers = t.resources.find((r) => r.domain === 'market' && r.name === 'customers')!;
    return listPairs(customers, sent).map((p) => get(`/d/market/vip-customers${queryString(p)}`, 'vip customers'));
  },
  'GET /operators': (_t, _s, sent) => listPairs({ columns: ['email'], cursors: [], ids: [] }, sent).map((p) => get(`/operators${queryString(p)}`, 'operators')),
  'GET /operators/[id]': (t, _s, sent) => segment(t.operatorIds, sent).map((id) => get(`/operators/${id}`, 'operator page')),
  'GET /operators/new': () => fc.constant(get('/operators/new', 'new operator page')),
  'GET /audit': (_t, _s, sent) => listPairs({ columns: AUDIT_COLUMNS, cursors: [], ids: [] }, sent).map((p) => get(`/audit${queryString(p)}`, 'audit log')),
  'GET /audit/[domain]': (t, _s, sent) =>
    fc
      .tuple(segment(t.domains, sent), listPairs({ columns: AUDIT_COLUMNS, cursors: [], ids: [] }, sent))
      .map(([d, p]) => get(`/audit/${d}${queryString(p)}`, 'domain audit log')),
  'GET /search': (_t, _s, sent) =>
    fc.array(value(['Book', 'a', 'Person', '1', 'x@example.test']), { minLength: 0, maxLength: 2 }).map((qs) => {
      sent.push(...qs);
      return get(`/search${queryString(qs.map((q) => ['q', q] as const))}`, 'search page');
    }),
  'GET /api/search': (_t, _s, sent) =>
    fc.array(value(['Book', 'a', 'Person', '1', 'x@example.test']), { minLength: 0, maxLength: 2 }).map((qs) => {
      sent.push(...qs);
      return get(`/api/search${queryString(qs.map((q) => ['q', q] as const))}`, 'search API');
    }),
  'GET /api/d/[domain]/[resource]': listMaker('/api/d', '', 'list API'),
  'GET /api/d/[domain]/[resource]/export': listMaker('/api/d', '/export', 'export', ['format', 'format']),
  'GET /api/d/[domain]/[resource]/bulk': listMaker('/api/d', '/bulk', 'bulk capabilities', ['count', 'count']),
  'POST /api/d/[domain]/[resource]/bulk': (t, _s, sent) =>
    domainAndResource(t, sent).chain(({ d, r, info }) => {
      const ids = fc.array(value(info.ids.map((i) => decodeURIComponent(i))), { maxLength: 4 });
      const matching = bodyObject({ query: fc.constant('').chain(() => listPairs(info, sent).map((p) => queryString(p).slice(1))), count: jsonValue }, sent);
      const body = bodyObject(
        {
          action: stringish(['delete', 'restore', 'set']),
          field: stringish(info.columns),
          value: jsonValue,
          ids: fc.oneof(ids, jsonValue),
          matching: fc.oneof({ weight: 3, arbitrary: matching }, { weight: 1, arbitrary: jsonValue }),
          batchSize: fc.oneof(fc.constantFrom(1, 1000, 1001, 0, -1), jsonValue),
        },
        sent,
      );
      const ids0 = info.ids.length > 0 ? info.ids.map((i) => decodeURIComponent(i)) : ['1'];
      const good = nearlyValid(
        {
          action: fc.constantFrom('delete', 'restore', 'set'),
          field: fc.constantFrom(...(info.columns.length > 0 ? info.columns : ['id'])),
          value: fc.oneof(fc.constantFrom('1', 'true', 'x', '2024-01-01', null), jsonValue),
          ids: fc.subarray(ids0, { minLength: 1 }),
        },
        sent,
      );
      return jsonPost(`/api/d/${d}/${r}/bulk`, fc.oneof(body, good), `bulk ${info.domain}/${info.name}`, t);
    }),
  'GET /api/internal-actions/[domain]/[resource]': (t, _s, sent) =>
    domainAndResource(t, sent).map(({ d, r, info }) => get(`/api/internal-actions/${d}/${r}`, `internal actions of ${info.domain}/${info.name}`)),
  'POST /api/internal-actions/[domain]/[resource]': (t, _s, sent) =>
    domainAndResource(t, sent).chain(({ d, r, info }) => {
      const body = bodyObject(
        {
          action: stringish([...info.internalActions, 'regenerate-summary', 'send-notification']),
          recordId: stringish(info.ids.map((i) => decodeURIComponent(i))),
          idempotencyKey: stringish(['fuzz-key-0001', '00000000-0000-0000-0000-000000000000']),
        },
        sent,
      );
      const good = nearlyValid(
        {
          action: fc.constantFrom(...(info.internalActions.length > 0 ? info.internalActions : ['regenerate-summary'])),
          recordId: fc.constantFrom(...(info.ids.length > 0 ? info.ids.map((i) => decodeURIComponent(i)) : ['1'])),
          idempotencyKey: fc.uuid(),
        },
        sent,
      );
      return jsonPost(`/api/internal-actions/${d}/${r}`, fc.oneof(body, good), `internal action on ${info.domain}/${info.name}`, t);
    }),
  'GET /api/audit/export': (_t, _s, sent) =>
    listPairs({ columns: AUDIT_COLUMNS, cursors: [], ids: [] }, sent, ['format']).map((p) => get(`/api/audit/export${queryString(p)}`, 'audit export')),
  'GET /api/audit/[domain]/export': (t, _s, sent) =>
    fc
      .tuple(segment(t.domains, sent), listPairs({ columns: AUDIT_COLUMNS, cursors: [], ids: [] }, sent, ['format']))
      .map(([d, p]) => get(`/api/audit/${d}/export${queryString(p)}`, 'domain audit export')),
  // Addresses nothing answers (the catch-alls): under a prefix no route has, so nothing real is hit.
  'GET /[...missing]': (_t, _s, sent) => segment(['x', 'd', 'nope/deeper'], sent).map((s) => get(`/no-such-page/${s}`, 'unknown page')),
  'GET /api/[...missing]': (_t, _s, sent) => segment(['x', 'd', 'nope/deeper'], sent).map((s) => get(`/api/no-such-api/${s}`, 'unknown API')),
  'POST /api/[...missing]': (_t, _s, sent) =>
    fc.tuple(segment(['x', 'd'], sent), jsonValue).map(([s, body]) => ({
      method: 'POST',
      path: `/api/no-such-api/${s}`,
      headers: { 'content-type': 'application/json' },
      body: Buffer.from(JSON.stringify(body) ?? 'null'),
      note: 'unknown API',
    })),
  'GET /api/health': (_t, _s, sent) => listPairs({ columns: [], cursors: [], ids: [] }, sent).map((p) => get(`/api/health${queryString(p)}`, 'health')),
  'GET /api/health/ready': (_t, _s, sent) =>
    listPairs({ columns: [], cursors: [], ids: [] }, sent).map((p) => get(`/api/health/ready${queryString(p)}`, 'readiness')),
  'GET /api/auth/[...all]': (_t, _s, sent) =>
    fc
      .tuple(
        fc.oneof(
          { weight: 4, arbitrary: fc.constantFrom(...AUTH_GET) },
          { weight: 1, arbitrary: segment(['callback', 'oauth2/callback'], sent).map((p) => `${p}/oidc`) },
          { weight: 1, arbitrary: segment([], sent) },
        ),
        fc.array(fc.tuple(fc.constantFrom('token', 'callbackURL', 'error', 'code', 'state', 'disableRefresh'), hostile), { maxLength: 3 }),
      )
      .map(([endpoint, pairs]) => {
        for (const [, v] of pairs) sent.push(v);
        return get(`/api/auth/${endpoint}${queryString(pairs)}`, `auth GET ${endpoint}`);
      }),
  'POST /api/auth/[...all]': (t, sender, sent) => {
    const endpoints = sender.operator === 'anonymous' || sender.operator === 'forged' ? { ...AUTH_POST, ...AUTH_SESSION_ENDING } : AUTH_POST;
    return fc.constantFrom(...Object.keys(endpoints)).chain((endpoint) => {
      const body = bodyObject(Object.fromEntries(endpoints[endpoint]!.map((f) => [f, stringish(AUTH_FIELD_VALUES[f] ?? [])])), sent);
      return fc.integer({ min: 0, max: 9 }).chain((form) =>
        form === 0
          ? fc.tuple(body, origin(t)).map(([b, o]) => ({
              method: 'POST',
              path: `/api/auth/${endpoint}`,
              headers: { 'content-type': 'application/x-www-form-urlencoded', ...(o !== undefined ? { origin: o } : {}) },
              body: Buffer.from(queryString(Object.entries(b).map(([k, v]) => [k, typeof v === 'string' ? v : (JSON.stringify(v) ?? '')] as const)).slice(1)),
              note: `auth POST ${endpoint} (form)`,
            }))
          : jsonPost(`/api/auth/${endpoint}`, body, `auth POST ${endpoint}`, t),
      );
    });
  },
};

/** Paths under no route, and methods no route takes. */
const strayMaker: Maker = (t, _s, sent) =>
  fc.oneof(
    segment([], sent).map((s) => get(`/${s}`, 'unknown path')),
    segment([], sent).map((s) => get(`/api/${s}`, 'unknown API path')),
    fc
      .tuple(
        fc.constantFrom('PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD', 'TRACE', 'PROPFIND'),
        fc.constantFrom(
          '/api/d/blog/posts',
          '/api/d/market/orders/bulk',
          '/d/blog/posts',
          '/api/search',
          '/api/auth/sign-in/email',
          '/',
          '/api/internal-actions/blog/posts',
        ),
      )
      .map(([method, path]): Built => ({ method, path, note: `${method} where no handler takes it`, headers: { origin: t.origin } })),
    fc
      .constantFrom(
        '/_next/static/../../../etc/passwd',
        '/_next/image?url=http://evil.example/x.png&w=64&q=75',
        '/_next/data/x/y.json',
        '/favicon.ico/..%2f..%2f',
        '/.env',
        '/.next/BUILD_ID',
        '/d/../../etc/passwd',
      )
      .map((p) => get(p, 'framework path')),
  );

// ---------------------------------------------------------------------------------------
// Server Actions: posted to the page that holds them, with the Next-Action id and the
// arguments in React's reply encoding; forms filled with hostile fields.

const PAGE_FOR: Record<Targets['actions'][string]['page'], (t: Targets, info: ResourceInfo) => string> = {
  list: (_t, info) => `/d/${info.domain}/${info.name}`,
  record: (_t, info) => `/d/${info.domain}/${info.name}/${info.ids[0] ?? '1'}`,
  new: (_t, info) => `/d/${info.domain}/${info.name}/new`,
  operator: (t) => `/operators/${encodeURIComponent(t.operatorIds[0] ?? 'x')}`,
  'operators-new': () => '/operators/new',
  dashboard: () => '/',
  audit: () => '/audit',
};

/** Form fields: the ones the action reads (plausible or hostile), column fields, and names nobody reads. */
function formFields(fields: Record<string, Arb<string>>, columns: readonly string[], sent: string[]): Arb<[string, string][]> {
  // The fields naming what the action is about ($domain, $resource, $id) are always sent; the others now and then not.
  const named = Object.entries(fields).map(([k, arb]) =>
    (k.startsWith('$') ? arb : fc.option(arb, { freq: 10 })).map((v) => (v === null ? [] : [[k, v] as [string, string]])),
  );
  const columnField = fc.tuple(
    columns.length > 0 ? value(columns, 1) : hostile,
    value([...NUMBERS.slice(0, 6), ...DATES.slice(0, 3), ...WORDS.slice(0, 4), 'Fuzz title', '{"a":1}', '{a,b}', '\u0000']),
  );
  const oddField = fc.tuple(fc.constantFrom(...PROTO_KEYS, '$ACTION_ID_x', '$ACTION_REF_1', '$ACTION_KEY', '$mode', '$__proto__', '0', '_1_x', '$K1'), hostile);
  return fc.tuple(fc.tuple(...named), fc.array(columnField, { maxLength: 4 }), fc.array(oddField, { maxLength: 1 })).map(([n, c, o]) => {
    const all = [...n.flat(), ...c, ...o] as [string, string][];
    for (const [k, v] of all) sent.push(k, v);
    return all;
  });
}

/** Reply bodies React's client never writes: references to rows that are not there, functions, promises, big integers, not a list. */
const RAW_REPLIES = [
  '[{},"$@1"]',
  '["$1"]',
  '[{},"$h1"]',
  '["$n12x"]',
  '["$Q1"]',
  '["$W2"]',
  '["$T"]',
  '["$i1"]',
  '["$B1"]',
  '["$"]',
  '"$K1"',
  '{"0":1}',
  '7',
  '[' + '['.repeat(100) + ']'.repeat(100) + ']',
  '[{},"$K1",',
];

/** The state argument React passes first to a useActionState action; hostile now and then. */
const prevState: Arb<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom({ status: 'idle' }, { message: '' }, {}) },
  { weight: 1, arbitrary: jsonValue },
);

function actionMaker(
  name: string,
  fields: (t: Targets, info: ResourceInfo, sent: string[]) => Record<string, Arb<string>>,
  withColumns: boolean,
  domainPool?: string,
): Maker {
  return (t, _s, sent) => {
    const action = t.actions[name]!;
    return resourceArb(t, domainPool).chain((info) =>
      fc
        .tuple(
          formFields(fields(t, info, sent), withColumns ? info.columns : [], sent),
          prevState,
          origin(t),
          fc.integer({ min: 0, max: 49 }),
          fc.oneof(
            { weight: 14, arbitrary: fc.constant(null) },
            { weight: 1, arbitrary: fc.constantFrom(...ESCAPES, '0000', action.id.slice(0, -2), `${action.id}00`, 'x'.repeat(42)) },
          ),
        )
        .map(([form, state, o, shape, badId]): Built => {
          // Without JavaScript, a form posts to its page as multipart with React's $ACTION_ fields (no Next-Action header).
          if (shape === 7 || shape === 8) {
            const id = badId ?? action.id;
            const meta: [string, string][] =
              shape === 7
                ? [[`$ACTION_ID_${id}`, '']]
                : [
                    ['$ACTION_REF_1', ''],
                    ['$ACTION_1:0', form.length % 3 === 0 ? (form[0]?.[1] ?? '{') : JSON.stringify({ id, bound: '$@1' })],
                    ['$ACTION_1:1', form.length % 3 === 1 ? (form[0]?.[1] ?? '[') : JSON.stringify([state])],
                    ['$ACTION_KEY', 'k1'],
                  ];
            const headers: Record<string, string> = { 'content-type': actionBody([{ form: [] }]).contentType, accept: 'text/html' };
            if (o !== undefined) headers.origin = o;
            return {
              method: 'POST',
              path: PAGE_FOR[action.page](t, info),
              headers,
              body: multipart([...meta, ...form]),
              note: `${name} ${info.domain}/${info.name} (form post without JavaScript, shape ${shape})`,
            };
          }
          // Mostly the call React makes; sometimes the arguments are not what the action expects.
          const args: ActionArg[] =
            shape === 0
              ? []
              : shape === 1
                ? [state]
                : shape === 2
                  ? [state, 'not a form']
                  : shape === 3
                    ? [{ form }, state]
                    : shape === 4
                      ? [state, { form }, { form }]
                      : [state, { form }];
          const { body, contentType } =
            shape === 5 ? { body: Buffer.from([0xff, 0x00, 0xed, 0xa0, 0x80]), contentType: 'text/plain;charset=UTF-8' } : actionBody(args);
          const raw =
            shape === 6
              ? {
                  body: multipart([
                    ['0', '[{},"$K1"'],
                    ['_1_$domain', Buffer.from([0xed, 0xa0, 0x80, 0x00])],
                  ]),
                  contentType: actionBody([{ form: [] }]).contentType,
                }
              : shape === 9
                ? { body: Buffer.from(RAW_REPLIES[form.length % RAW_REPLIES.length]!), contentType: 'text/plain;charset=UTF-8' }
                : shape === 10
                  ? {
                      body: multipart([
                        ['0', RAW_REPLIES[form.length % RAW_REPLIES.length]!],
                        ['1', '{"a":'],
                        ...form.map(([k, v]) => [`_1_${k}`, v] as const),
                      ]),
                      contentType: actionBody([{ form: [] }]).contentType,
                    }
                  : undefined;
          const headers: Record<string, string> = {
            'next-action': badId ?? action.id,
            'content-type': (raw ?? { contentType }).contentType,
            accept: 'text/x-component',
          };
          if (o !== undefined) headers.origin = o;
          return {
            method: 'POST',
            path: PAGE_FOR[action.page](t, info),
            headers,
            body: (raw ?? { body }).body,
            note: `${name} ${info.domain}/${info.name} (args shape ${shape}${badId ? ', wrong action id' : ''})`,
          };
        }),
    );
  };
}

const recordMeta = (extra: (info: ResourceInfo, t: Targets) => Record<string, Arb<string>>) => (t: Targets, info: ResourceInfo) => ({
  $domain: mostly([info.domain]),
  $resource: mostly([info.name]),
  $id: info.ids.length > 0 ? mostly(info.ids.map((i) => decodeURIComponent(i))) : hostile,
  ...extra(info, t),
});

const ACTION_MAKERS: Record<string, Maker> = {
  saveRecordAction: actionMaker(
    'saveRecordAction',
    recordMeta(() => ({ $mode: value(['update', 'create']), $version: value(['0', '1', '123:0', '99999999999999999999']) })),
    true,
  ),
  softDeleteRecordAction: actionMaker(
    'softDeleteRecordAction',
    recordMeta(() => ({})),
    false,
  ),
  restoreRecordAction: actionMaker(
    'restoreRecordAction',
    recordMeta(() => ({})),
    false,
  ),
  hardDeleteRecordAction: actionMaker(
    'hardDeleteRecordAction',
    recordMeta((info) => ({ $confirm: value(info.ids.map((i) => decodeURIComponent(i))) })),
    false,
  ),
  customRecordAction: actionMaker(
    'customRecordAction',
    recordMeta((info) => ({ $action: value([...info.customActions, 'toggle-active']) })),
    false,
  ),
  revertAuditEntryAction: actionMaker(
    'revertAuditEntryAction',
    (t, info) => ({ domain: mostly([info.domain]), resource: mostly([info.name]), auditId: value(t.auditIds), id: value(info.ids) }),
    false,
  ),
  refreshViewAction: actionMaker('refreshViewAction', (t, info) => ({ domain: mostly([info.domain]), resource: mostly([info.name]) }), false),
  saveGrantsAction: actionMaker(
    'saveGrantsAction',
    (t) => ({
      userId: value(t.operatorIds),
      superadmin: value(['on', 'off']),
      'role:blog': value(['viewer', 'editor', 'admin', '']),
      'role:market': value(['viewer', 'editor', 'admin', 'superadmin']),
      'role:zoo': value(['viewer']),
      'role:__proto__': value(['admin']),
      'role:hub': value(['admin']),
    }),
    false,
  ),
  sessionsAction: actionMaker(
    'sessionsAction',
    (t) => ({ userId: value(t.operatorIds), intent: value(['revoke-all', 'revoke']), sessionId: value(t.sessionIds) }),
    false,
  ),
  createOperatorAction: actionMaker(
    'createOperatorAction',
    () => ({
      email: value(['fuzz@e2e.test', 'root@e2e.test', 'a@b', 'x@evil.example']),
      name: hostile,
      superadmin: value(['on']),
      'role:market': value(['viewer', 'admin', 'owner']),
      'role:nowhere': value(['viewer']),
    }),
    false,
  ),
  deleteOperatorAction: actionMaker('deleteOperatorAction', (t) => ({ userId: value(t.operatorIds), confirm: value(t.operatorEmails) }), false),
  saveViewAction: actionMaker(
    'saveViewAction',
    (t, info) => ({
      domain: mostly([info.domain]),
      resource: mostly([info.name]),
      name: value(['My view', 'Paid this week', 'x'.repeat(120)]),
      query: value(['q=a', 'sort=-id', 'f.status=paid&sort=-created_at', `cols=${info.columns.slice(0, 2).join(',')}`, 'after=WyIxIl0', 'q=%00', 'f.nope=1']),
      shared: value(['on', 'off']),
      replace: value(['1', '0']),
    }),
    false,
  ),
  deleteViewAction: actionMaker(
    'deleteViewAction',
    (_t, info) => ({
      domain: mostly([info.domain]),
      resource: mostly([info.name]),
      id: value(['1', '2', '0', '00000000-0000-0000-0000-000000000000']),
    }),
    false,
  ),
};

/** refreshWidget(id): its one argument is a string, sent as the JSON text body React sends for arguments without forms. */
ACTION_MAKERS.refreshWidget = (t, _s, sent) =>
  fc
    .tuple(fc.oneof({ weight: 3, arbitrary: value(t.widgetIds) }, { weight: 1, arbitrary: jsonValue }), origin(t), fc.integer({ min: 0, max: 5 }))
    .map(([id, o, shape]) => {
      collectStrings(id, sent);
      const { body, contentType } = actionBody(shape === 0 ? [] : shape === 1 ? [id, id] : [id]);
      const headers: Record<string, string> = { 'next-action': t.actions.refreshWidget!.id, 'content-type': contentType, accept: 'text/x-component' };
      if (o !== undefined) headers.origin = o;
      return { method: 'POST', path: '/', headers, body, note: `refreshWidget (shape ${shape})` };
    });

/** A call with arguments that are not a form: the JSON text body React sends, posted to the action's page. */
function argumentsCall(name: string, args: Arb<unknown[]>, path: (t: Targets) => Arb<string>): Maker {
  return (t, _s, sent) =>
    fc.tuple(args, path(t), origin(t)).map(([a, p, o]) => {
      collectStrings(a, sent);
      const { body, contentType } = actionBody(a);
      const headers: Record<string, string> = { 'next-action': t.actions[name]!.id, 'content-type': contentType, accept: 'text/x-component' };
      if (o !== undefined) headers.origin = o;
      return { method: 'POST', path: p, headers, body, note: `${name}(${a.length} arguments)` };
    });
}

/** loadAuditEntryAction(domain | undefined, id): the audit log's entry drawer. */
ACTION_MAKERS.loadAuditEntryAction = argumentsCall(
  'loadAuditEntryAction',
  fc.oneof(
    {
      weight: 6,
      arbitrary: fc.tuple(fc.oneof(fc.constant(undefined), value(['blog', 'market', 'zoo', 'hub'])), fc.oneof(value(['1', '2', '3', '0']), jsonValue)),
    },
    { weight: 1, arbitrary: fc.array(jsonValue, { maxLength: 3 }) },
  ),
  (t) => fc.constantFrom('/audit', ...t.domains.map((d) => `/audit/${d}`)),
);

/** chooseLocale(locale): the language switch in the operator menu; one argument that should be a language. */
ACTION_MAKERS.chooseLocale = argumentsCall(
  'chooseLocale',
  fc.oneof({ weight: 4, arbitrary: fc.tuple(value(['en', 'ko', 'fr', 'KO', ''])) }, { weight: 2, arbitrary: fc.array(jsonValue, { maxLength: 3 }) }),
  () => fc.constantFrom('/', '/d/blog/posts'),
);

/** Any other action of the build (one added since this file was written): hostile arguments of every shape. */
export function genericActionMaker(name: string): Maker {
  return argumentsCall(name, fc.array(fc.oneof(jsonValue, fc.constant({ form: [] })), { maxLength: 3 }), (t) =>
    fc.constant(PAGE_FOR[t.actions[name]!.page](t, t.resources[0]!)),
  );
}

/** The route keys this generator covers: `METHOD pattern` for the app's routes, `action <name>` for Server Actions. */
export const COVERED_ROUTES = Object.keys(MAKERS);
export const COVERED_ACTIONS = Object.keys(ACTION_MAKERS);

/** Writes (state-changing requests) weigh more in the privileged phase. */
const WRITES = new Set(['POST /api/d/[domain]/[resource]/bulk', 'POST /api/internal-actions/[domain]/[resource]', 'POST /api/auth/[...all]']);

/**
 * One hostile request: a route (weighted so every route and action comes up often), a
 * sender of the phase, that route's parameters, and now and then junk in Next.js's headers.
 */
export function requestArbitrary(t: Targets, senders: Arb<Sender>, options: { writesWeight: number }): Arb<FuzzRequest> {
  const routes: { key: string; maker: Maker; weight: number }[] = [
    ...Object.entries(MAKERS).map(([key, maker]) => ({ key, maker, weight: WRITES.has(key) ? options.writesWeight : /\[resource\]/.test(key) ? 3 : 1 })),
    ...Object.keys(t.actions).map((name) => ({ key: `action ${name}`, maker: ACTION_MAKERS[name] ?? genericActionMaker(name), weight: options.writesWeight })),
    { key: 'stray', maker: strayMaker, weight: 1 },
  ];
  return fc
    .tuple(fc.constantFrom(...routes.flatMap((r) => Array.from({ length: r.weight }, () => r))), senders, extraHeaders)
    .chain(([route, sender, extra]) => {
      const sent: string[] = [];
      return route.maker(t, sender, sent).map((built) => finish(route.key, sender, [...sent], built, extra));
    });
}

/** Senders for a phase: each operator kind's session (twice as often), and where asked no cookie or a forged one. */
export function sendersOf(cookies: Record<string, string>, options: { anonymous: boolean }): Arb<Sender> {
  const signedIn = fc.constantFrom(...Object.entries(cookies).map(([operator, cookie]): Sender => ({ operator, cookie })));
  if (!options.anonymous) return signedIn;
  return fc.oneof(
    { weight: 2 * Object.keys(cookies).length, arbitrary: signedIn },
    { weight: 1, arbitrary: fc.constant<Sender>({ operator: 'anonymous', cookie: undefined }) },
    { weight: 1, arbitrary: fc.constantFrom(...FORGED_COOKIES).map((cookie): Sender => ({ operator: 'forged', cookie })) },
  );
}
