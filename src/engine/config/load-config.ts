import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { closest } from './suggest';
import { canonicalTimeZone, isLocale, LOCALES, type Locale } from '../shared/locale';
import {
  ConfigError,
  SSL_MODES,
  type AuthConfig,
  type ConfigProblem,
  type DbTarget,
  type HubConfig,
  type InternalService,
  type OAuthClient,
  type PoolMode,
  type ReadReplica,
  type SslMode,
  ZERO_CONFIG_WRITE_ROLES,
  type ZeroConfigWriteRole,
} from './types';

type Env = Record<string, string | undefined>;

/** The hub's own database uses the same variables as a domain, under this prefix. */
export const HUB_TARGET = 'hub';
const DOMAIN_NAME = /^[a-z][a-z0-9_]{0,30}$/;

/** The suffixes a database target reads; `*_DATABASE_URL` may replace the first five. */
const DB_SUFFIXES = [
  'DB_HOST',
  'DB_PORT',
  'DB_NAME',
  'DB_USER',
  'DB_PASSWORD',
  'DATABASE_URL',
  'DB_SSL_MODE',
  'DB_SSL_CA',
  'DB_POOL_MAX',
  'DB_STATEMENT_TIMEOUT_MS',
  'DB_IDLE_IN_TRANSACTION_TIMEOUT_MS',
  'DB_CONNECTION_TIMEOUT_MS',
  'DB_POOL_MODE',
] as const;

/** Read for domains only (not the hub's own database): the domain service for internal actions, writes without definitions. */
const DOMAIN_SUFFIXES = [
  'INTERNAL_URL',
  'INTERNAL_SECRET',
  'ZERO_CONFIG_WRITES',
  // A read replica (streaming standby) for the domain's reads: readReplica below.
  'DB_READ_URL',
  'DB_READ_HOST',
  'DB_READ_PORT',
  'DB_READ_NAME',
  'DB_READ_USER',
  'DB_READ_PASSWORD',
  'DB_READ_POOL_MAX',
  'DB_READ_MAX_LAG_MS',
] as const;

const HUB_SETTINGS = [
  'HUB_DOMAINS',
  'HUB_REPLICAS',
  'HUB_STRICT_BUDGET',
  'HUB_STRICT_DEFINITIONS',
  'HUB_SHUTDOWN_TIMEOUT_MS',
  'HUB_AUDIT_SWEEP_SECONDS',
  'HUB_LOG_LEVEL',
  'HUB_PORT',
  'HUB_HOST',
  'HUB_EMBEDDED_PORT',
  'HUB_DATA_DIR',
  'HUB_SEED_ORDERS',
  'HUB_URL',
  'HUB_AUTH_SECRET',
  'HUB_SESSION_HOURS',
  'HUB_AUTH_LOCAL',
  'HUB_AUTH_ALLOWED_EMAILS',
  'HUB_AUTH_ALLOWED_DOMAINS',
  'HUB_AUTH_GITHUB_CLIENT_ID',
  'HUB_AUTH_GITHUB_CLIENT_SECRET',
  'HUB_AUTH_GOOGLE_CLIENT_ID',
  'HUB_AUTH_GOOGLE_CLIENT_SECRET',
  'HUB_AUTH_OIDC_ISSUER',
  'HUB_AUTH_OIDC_CLIENT_ID',
  'HUB_AUTH_OIDC_CLIENT_SECRET',
  'HUB_AUTH_OIDC_NAME',
  'HUB_AUTH_SIGN_IN_ATTEMPTS',
  'HUB_AUTH_SIGN_IN_ADDRESS_ATTEMPTS',
  'HUB_AUTH_SIGN_IN_WINDOW_SECONDS',
  'HUB_AUDIT_RETENTION_DAYS',
  'HUB_AUDIT_ARCHIVE_DIR',
  'HUB_TRUST_PROXY',
  'HUB_COMPRESS',
  'HUB_SESSION_CACHE_MS',
  'HUB_DEFAULT_LOCALE',
  'HUB_DEFAULT_TIME_ZONE',
  // Read by scripts/start.ts: the container image ships its build (see the Dockerfile).
  'HUB_PREBUILT',
] as const;

const integer = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

/** Collects problems instead of throwing at the first one, so the operator fixes them all in one go. */
class Reader {
  readonly problems: ConfigProblem[] = [];
  constructor(private readonly env: Env) {}

  raw(variable: string): string | undefined {
    const value = this.env[variable];
    return value === undefined || value.trim() === '' ? undefined : value.trim();
  }

  problem(variable: string, message: string): void {
    this.problems.push({ variable, message });
  }

  /** A required value; a missing one names the variable and, when a near-miss is set, the typo. */
  required(variable: string, fix: string): string | undefined {
    const value = this.raw(variable);
    if (value !== undefined) return value;
    const typo = this.typoFor(variable);
    this.problem(variable, typo ? `is missing, but ${typo} is set: did you mean ${variable}?` : `is missing. ${fix}`);
    return undefined;
  }

  integer(variable: string, fallback: number, min: number, max: number): number {
    const value = this.raw(variable);
    if (value === undefined) return fallback;
    const parsed = integer(min, max).safeParse(value);
    if (parsed.success && /^\d+$/.test(value)) return parsed.data;
    this.problem(variable, `must be a whole number from ${min} to ${max}, got "${value}".`);
    return fallback;
  }

  flag(variable: string): boolean {
    const value = this.raw(variable);
    if (value === undefined) return false;
    if (['1', 'true', 'yes'].includes(value.toLowerCase())) return true;
    if (['0', 'false', 'no'].includes(value.toLowerCase())) return false;
    this.problem(variable, `must be 1 or 0, got "${value}".`);
    return false;
  }

  /** A set variable whose name is one edit or two away from the expected one. */
  private typoFor(variable: string): string | undefined {
    const prefix = variable.split('_')[0] + '_';
    const setNames = Object.keys(this.env).filter((k) => k.startsWith(prefix) && k !== variable && this.raw(k) !== undefined);
    const near = closest(variable, setNames);
    return near && !knownVariable(near) ? near : undefined;
  }
}

const knownNames = new Set<string>(HUB_SETTINGS);
function knownVariable(name: string): boolean {
  return knownNames.has(name) || [...DB_SUFFIXES, ...DOMAIN_SUFFIXES].some((suffix) => name.endsWith(`_${suffix}`) && name.length > suffix.length + 1);
}

function readSslCa(reader: Reader, variable: string): string | undefined {
  const value = reader.raw(variable);
  if (value === undefined) return undefined;
  if (value.startsWith('-----BEGIN')) return value.replace(/\\n/g, '\n');
  try {
    return readFileSync(value, 'utf8');
  } catch {
    reader.problem(variable, `names "${value}", which cannot be read. Give the path of a PEM file, or the PEM text itself.`);
    return undefined;
  }
}

function readSslMode(reader: Reader, variable: string, fromUrl: string | null): SslMode {
  const value = reader.raw(variable) ?? fromUrl ?? 'disable';
  // libpq spells "encrypt without checking" as `prefer`/`allow`; accept them as no-verify's cousins.
  const aliases: Record<string, SslMode> = { prefer: 'no-verify', allow: 'no-verify', 'verify-ca': 'require' };
  const mode = (aliases[value] ?? value) as SslMode;
  if ((SSL_MODES as readonly string[]).includes(mode)) return mode;
  reader.problem(variable, `is "${value}", which is not an SSL mode. Use one of: ${SSL_MODES.join(', ')}.`);
  return 'disable';
}

interface UrlParts {
  host: string;
  port: number;
  database: string | undefined;
  user: string | undefined;
  password?: string;
  sslMode: string | null;
}

/** A postgres:// URL's parts; a problem (naming the variable) and undefined when it is not one. */
function readUrl(reader: Reader, variable: string): UrlParts | undefined {
  const url = reader.raw(variable);
  if (url === undefined) return undefined;
  try {
    const parsed = new URL(url);
    if (!/^postgres(ql)?:$/.test(parsed.protocol)) throw new Error('protocol');
    return {
      host: decodeURIComponent(parsed.hostname) || 'localhost',
      port: parsed.port ? Number(parsed.port) : 5432,
      database: decodeURIComponent(parsed.pathname.replace(/^\//, '')) || undefined,
      user: decodeURIComponent(parsed.username) || undefined,
      password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
      sslMode: parsed.searchParams.get('sslmode'),
    };
  } catch {
    reader.problem(variable, 'is not a valid postgres://user:password@host:port/database URL.');
    return undefined;
  }
}

function readTarget(reader: Reader, name: string): DbTarget {
  const prefix = name.toUpperCase();
  const v = (suffix: (typeof DB_SUFFIXES)[number]) => `${prefix}_${suffix}`;
  const url = reader.raw(v('DATABASE_URL'));
  const parts = readUrl(reader, v('DATABASE_URL'));
  const fromUrl = parts && { ...parts, database: parts.database ?? 'postgres', user: parts.user ?? 'postgres' };

  const fix = `Set it, or set ${v('DATABASE_URL')}=postgres://user:password@host:5432/database instead.`;
  const host = fromUrl?.host ?? (url ? 'invalid' : reader.required(v('DB_HOST'), fix)) ?? '';
  const database = fromUrl?.database ?? (url ? 'invalid' : reader.required(v('DB_NAME'), fix)) ?? '';
  const user = fromUrl?.user ?? (url ? 'invalid' : reader.required(v('DB_USER'), fix)) ?? '';
  const port = fromUrl?.port ?? reader.integer(v('DB_PORT'), 5432, 1, 65535);

  return {
    name,
    envPrefix: prefix,
    host,
    port,
    database,
    user,
    password: fromUrl?.password ?? reader.raw(v('DB_PASSWORD')),
    sslMode: readSslMode(reader, v('DB_SSL_MODE'), fromUrl?.sslMode ?? null),
    sslCa: readSslCa(reader, v('DB_SSL_CA')),
    poolMax: reader.integer(v('DB_POOL_MAX'), 10, 1, 1000),
    statementTimeoutMs: reader.integer(v('DB_STATEMENT_TIMEOUT_MS'), 30_000, 0, 86_400_000),
    idleInTransactionTimeoutMs: reader.integer(v('DB_IDLE_IN_TRANSACTION_TIMEOUT_MS'), 60_000, 0, 86_400_000),
    connectionTimeoutMs: reader.integer(v('DB_CONNECTION_TIMEOUT_MS'), 5_000, 1, 600_000),
    poolMode: readPoolMode(reader, v('DB_POOL_MODE')),
  };
}

/** D_DB_POOL_MODE: `session` (a direct server, or PgBouncer in session mode) or `transaction` (PgBouncer's transaction pooling). */
function readPoolMode(reader: Reader, variable: string): PoolMode {
  const value = reader.raw(variable);
  if (value === undefined) return 'session';
  const mode = value.trim().toLowerCase();
  if (mode === 'session' || mode === 'transaction') return mode;
  reader.problem(
    variable,
    `is "${value}", which is not a pool mode. Use session (the default: a server, or PgBouncer in session mode) or transaction (PgBouncer with pool_mode = transaction).`,
  );
  return 'session';
}

/**
 * D_DB_READ_URL (or D_DB_READ_HOST with D_DB_READ_PORT/NAME/USER/PASSWORD): a streaming
 * replica of the domain's database. What it does not say is the primary's: a replica is the
 * same database on another server, usually with the same credentials, TLS and timeouts.
 */
function readReplica(reader: Reader, primary: DbTarget): ReadReplica | undefined {
  const v = (suffix: (typeof DOMAIN_SUFFIXES)[number]) => `${primary.envPrefix}_${suffix}`;
  const parts = readUrl(reader, v('DB_READ_URL'));
  const host = parts?.host ?? reader.raw(v('DB_READ_HOST'));
  const others = (['DB_READ_PORT', 'DB_READ_NAME', 'DB_READ_USER', 'DB_READ_PASSWORD', 'DB_READ_POOL_MAX', 'DB_READ_MAX_LAG_MS'] as const).filter(
    (s) => reader.raw(v(s)) !== undefined,
  );
  if (host === undefined) {
    if (others.length > 0 && reader.raw(v('DB_READ_URL')) === undefined)
      reader.required(v('DB_READ_HOST'), `${v(others[0]!)} is set: name the replica with ${v('DB_READ_HOST')} or ${v('DB_READ_URL')}, or unset it.`);
    return undefined;
  }
  return {
    ...primary,
    name: `${primary.name}@replica`,
    host,
    port: parts?.port ?? reader.integer(v('DB_READ_PORT'), primary.port, 1, 65535),
    database: parts?.database ?? reader.raw(v('DB_READ_NAME')) ?? primary.database,
    user: parts?.user ?? reader.raw(v('DB_READ_USER')) ?? primary.user,
    password: parts?.password ?? reader.raw(v('DB_READ_PASSWORD')) ?? primary.password,
    sslMode: parts?.sslMode ? readSslMode(reader, v('DB_READ_URL'), parts.sslMode) : primary.sslMode,
    poolMax: reader.integer(v('DB_READ_POOL_MAX'), primary.poolMax, 1, 1000),
    maxLagMs: reader.integer(v('DB_READ_MAX_LAG_MS'), 5_000, 0, 86_400_000),
  };
}

/** D_INTERNAL_URL + D_INTERNAL_SECRET: both or neither; an http(s) URL and a 32+ character secret. */
function readInternal(reader: Reader, prefix: string): InternalService | undefined {
  const urlVar = `${prefix}_INTERNAL_URL`;
  const secretVar = `${prefix}_INTERNAL_SECRET`;
  const url = reader.raw(urlVar);
  const secret = reader.raw(secretVar);
  if (url === undefined && secret === undefined) return undefined;
  // The missing half goes through required(), which names a near-miss variable (a typo) if one is set.
  if (url === undefined) reader.required(urlVar, `${secretVar} is set: set both (the service's base URL, e.g. http://blog-service.internal:8080), or neither.`);
  if (secret === undefined) reader.required(secretVar, `${urlVar} is set: set both (32+ random characters, e.g. \`openssl rand -base64 32\`), or neither.`);
  let validUrl: string | undefined;
  if (url !== undefined) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(url);
    } catch {
      parsed = undefined;
    }
    if (!parsed || !/^https?:$/.test(parsed.protocol) || !parsed.hostname)
      reader.problem(urlVar, `is "${url}", not an http(s) URL such as https://blog-service.internal:8080.`);
    else if (parsed.search || parsed.hash || parsed.username || parsed.password)
      reader.problem(urlVar, 'must be a plain base URL: no query, fragment or credentials (the secret goes in ' + secretVar + ').');
    else validUrl = url.replace(/\/+$/, '');
  }
  if (secret !== undefined && secret.length < 32) reader.problem(secretVar, 'is shorter than 32 characters. Use e.g. the output of `openssl rand -base64 32`.');
  return validUrl && secret && secret.length >= 32 ? { url: validUrl, secret } : undefined;
}

/**
 * D_ZERO_CONFIG_WRITES=editor|admin: the least role that may write the domain's introspected
 * tables (no definitions). Unset, empty, 0 or off: read-only, as without the variable.
 */
function readZeroConfigWrites(reader: Reader, prefix: string): ZeroConfigWriteRole | undefined {
  const variable = `${prefix}_ZERO_CONFIG_WRITES`;
  const value = reader.raw(variable)?.toLowerCase();
  if (value === undefined || ['0', 'off', 'no', 'false', 'none'].includes(value)) return undefined;
  if ((ZERO_CONFIG_WRITE_ROLES as readonly string[]).includes(value)) return value as ZeroConfigWriteRole;
  reader.problem(
    variable,
    `is "${reader.raw(variable)}", which is not a role that may write. Use editor (editors and admins may change rows) or admin (admins only), or leave it unset to keep the domain read-only.`,
  );
  return undefined;
}

function readList(reader: Reader, variable: string): string[] {
  return (reader.raw(variable) ?? '')
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
}

/** Both halves of an OAuth client, or neither; half a pair is a mistake worth stopping for. */
function readClient(reader: Reader, prefix: string): OAuthClient | undefined {
  const clientId = reader.raw(`${prefix}_CLIENT_ID`);
  const clientSecret = reader.raw(`${prefix}_CLIENT_SECRET`);
  if (clientId === undefined && clientSecret === undefined) return undefined;
  if (clientId === undefined) reader.problem(`${prefix}_CLIENT_ID`, `is missing while ${prefix}_CLIENT_SECRET is set. Set both, or neither.`);
  if (clientSecret === undefined) reader.problem(`${prefix}_CLIENT_SECRET`, `is missing while ${prefix}_CLIENT_ID is set. Set both, or neither.`);
  return clientId && clientSecret ? { clientId, clientSecret } : undefined;
}

function readAuth(reader: Reader): AuthConfig {
  const secret = reader.required('HUB_AUTH_SECRET', 'Set a random value of 32+ characters, e.g. the output of `openssl rand -base64 32`.') ?? '';
  if (secret && secret.length < 32) reader.problem('HUB_AUTH_SECRET', 'is shorter than 32 characters. Use e.g. the output of `openssl rand -base64 32`.');
  const baseUrl = reader.raw('HUB_URL');
  if (baseUrl !== undefined && !/^https?:\/\/[^/\s]+/.test(baseUrl))
    reader.problem('HUB_URL', `is "${baseUrl}", not an http(s) URL such as https://admin.example.com.`);
  const oidcClient = readClient(reader, 'HUB_AUTH_OIDC');
  const issuer = reader.raw('HUB_AUTH_OIDC_ISSUER');
  if (oidcClient && !issuer)
    reader.problem('HUB_AUTH_OIDC_ISSUER', 'is missing while the OIDC client is set: give the issuer URL (its /.well-known/openid-configuration is read).');
  if (issuer && !oidcClient) reader.problem('HUB_AUTH_OIDC_CLIENT_ID', 'is missing while HUB_AUTH_OIDC_ISSUER is set.');
  return {
    secret,
    baseUrl: baseUrl?.replace(/\/$/, ''),
    sessionHours: reader.integer('HUB_SESSION_HOURS', 12, 1, 24 * 90),
    localAccounts: reader.raw('HUB_AUTH_LOCAL') === undefined ? true : reader.flag('HUB_AUTH_LOCAL'),
    allowedEmails: readList(reader, 'HUB_AUTH_ALLOWED_EMAILS'),
    allowedDomains: readList(reader, 'HUB_AUTH_ALLOWED_DOMAINS').map((d) => d.replace(/^@/, '')),
    github: readClient(reader, 'HUB_AUTH_GITHUB'),
    google: readClient(reader, 'HUB_AUTH_GOOGLE'),
    oidc: oidcClient && issuer ? { ...oidcClient, issuer: issuer.replace(/\/$/, ''), name: reader.raw('HUB_AUTH_OIDC_NAME') ?? 'Single sign-on' } : undefined,
    signInAttempts: reader.integer('HUB_AUTH_SIGN_IN_ATTEMPTS', 5, 1, 1000),
    signInAddressAttempts: reader.integer('HUB_AUTH_SIGN_IN_ADDRESS_ATTEMPTS', 50, 1, 100_000),
    signInWindowSeconds: reader.integer('HUB_AUTH_SIGN_IN_WINDOW_SECONDS', 60, 1, 86_400),
  };
}

function readDomainNames(reader: Reader): string[] {
  const list = reader.required('HUB_DOMAINS', 'List your domains, comma-separated: HUB_DOMAINS=blog,market.');
  if (list === undefined) return [];
  const names = list
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const seen = new Set<string>();
  const valid: string[] = [];
  for (const name of names) {
    if (!DOMAIN_NAME.test(name)) {
      reader.problem('HUB_DOMAINS', `"${name}" is not a valid domain name: use lower-case letters, digits and _ , starting with a letter.`);
    } else if (name === HUB_TARGET) {
      reader.problem('HUB_DOMAINS', '"hub" is reserved for the hub\'s own database (HUB_DB_*); name the domain differently.');
    } else if (seen.has(name)) {
      reader.problem('HUB_DOMAINS', `"${name}" is listed twice.`);
    } else {
      seen.add(name);
      valid.push(name);
    }
  }
  if (names.length === 0) reader.problem('HUB_DOMAINS', 'is empty. List your domains, comma-separated: HUB_DOMAINS=blog,market.');
  return valid;
}

/** True when nothing is configured: `npm start` then runs the embedded demo. */
export function wantsEmbeddedDefault(env: Env = process.env): boolean {
  const set = (k: string) => env[k] !== undefined && env[k]!.trim() !== '';
  return !set('HUB_DOMAINS') && !set('HUB_DATABASE_URL') && !set('HUB_DB_HOST');
}

/** HUB_DEFAULT_LOCALE: the language for an operator who chose none and whose browser asks for none we speak. */
function readDefaultLocale(reader: Reader): Locale {
  const value = reader.raw('HUB_DEFAULT_LOCALE');
  if (value === undefined) return 'en';
  if (isLocale(value.toLowerCase())) return value.toLowerCase() as Locale;
  reader.problem('HUB_DEFAULT_LOCALE', `is "${value}", which the hub does not speak. Use one of: ${LOCALES.join(', ')}.`);
  return 'en';
}

/** HUB_DEFAULT_TIME_ZONE: times for an operator who chose no zone, until their browser says its own. */
function readDefaultTimeZone(reader: Reader): string {
  const value = reader.raw('HUB_DEFAULT_TIME_ZONE');
  if (value === undefined) return 'UTC';
  const zone = canonicalTimeZone(value);
  if (zone) return zone;
  reader.problem('HUB_DEFAULT_TIME_ZONE', `is "${value}", which is not an IANA time zone. Use a name such as UTC, Asia/Seoul or Europe/Berlin.`);
  return 'UTC';
}

/**
 * Reads and validates the whole configuration once. Throws a ConfigError listing every
 * problem (each naming the variable and its fix) rather than stopping at the first.
 */
export function loadConfig(env: Env = process.env): HubConfig {
  const reader = new Reader(env);
  const domainNames = readDomainNames(reader);
  const hub = readTarget(reader, HUB_TARGET);
  const domains = domainNames.map((name) => {
    const target = readTarget(reader, name);
    const internal = readInternal(reader, target.envPrefix);
    const zeroConfigWrites = readZeroConfigWrites(reader, target.envPrefix);
    const read = readReplica(reader, target);
    return { ...target, ...(internal ? { internal } : {}), ...(zeroConfigWrites ? { zeroConfigWrites } : {}), ...(read ? { read } : {}) };
  });
  const config: HubConfig = {
    auth: readAuth(reader),
    auditRetentionDays: reader.raw('HUB_AUDIT_RETENTION_DAYS') === undefined ? undefined : reader.integer('HUB_AUDIT_RETENTION_DAYS', 365, 1, 36_500),
    auditArchiveDir: reader.raw('HUB_AUDIT_ARCHIVE_DIR') ?? '.data/audit-archive',
    hub,
    domains,
    replicas: reader.integer('HUB_REPLICAS', 1, 1, 1000),
    strictBudget: reader.flag('HUB_STRICT_BUDGET'),
    strictDefinitions: reader.flag('HUB_STRICT_DEFINITIONS'),
    // Read by next.config.mjs (Next.js compresses pages); checked here with the rest.
    compress: reader.raw('HUB_COMPRESS') === undefined ? true : reader.flag('HUB_COMPRESS'),
    shutdownTimeoutMs: reader.integer('HUB_SHUTDOWN_TIMEOUT_MS', 10_000, 0, 600_000),
    auditSweepSeconds: reader.integer('HUB_AUDIT_SWEEP_SECONDS', 60, 1, 3_600),
    defaultLocale: readDefaultLocale(reader),
    defaultTimeZone: readDefaultTimeZone(reader),
  };
  if (reader.problems.length > 0) throw new ConfigError(reader.problems);
  return config;
}

/**
 * D_ZERO_CONFIG_WRITES only opens domains served from their catalog: one with definitions is
 * written as its definitions say. Warned about (start, doctor) rather than refused, since
 * adding a domain's first definition should not stop a hub.
 */
export function ignoredZeroConfigWrites(config: HubConfig, definedDomains: Iterable<string>): string[] {
  const defined = new Set(definedDomains);
  return config.domains
    .filter((d) => d.zeroConfigWrites !== undefined && defined.has(d.name))
    .map(
      (d) =>
        `${d.envPrefix}_ZERO_CONFIG_WRITES is set, but ${d.name} has resource definitions: their own readOnly and access apply, and the variable is ignored.`,
    );
}

/** Variables that look like the hub's but are not read by it: typos to warn about. */
export function unknownVariables(env: Env, config: HubConfig): string[] {
  const prefixes = ['HUB', ...config.domains.map((d) => d.envPrefix)].map((p) => `${p}_`);
  return Object.keys(env).filter((key) => {
    if (!prefixes.some((p) => key.startsWith(p))) return false;
    const expected = [
      ...HUB_SETTINGS,
      ...prefixes.flatMap((p) => DB_SUFFIXES.map((s) => p + s)),
      ...config.domains.flatMap((d) => DOMAIN_SUFFIXES.map((s) => `${d.envPrefix}_${s}`)),
    ];
    // Per domain only: HUB_ZERO_CONFIG_WRITES reads like a hub-wide switch, and nothing reads it.
    return !expected.includes(key) && (key === 'HUB_ZERO_CONFIG_WRITES' || closest(key, expected) !== undefined);
  });
}
