import type { Locale } from '../shared/locale';

export const SSL_MODES = ['disable', 'require', 'verify-full', 'no-verify'] as const;
export type SslMode = (typeof SSL_MODES)[number];

/** D_ZERO_CONFIG_WRITES: the least domain role that may write an introspected (definition-less) domain's tables. */
export const ZERO_CONFIG_WRITE_ROLES = ['editor', 'admin'] as const;
export type ZeroConfigWriteRole = (typeof ZERO_CONFIG_WRITE_ROLES)[number];

/** Everything needed to open a pool to one database: a domain's or the hub's own. */
export type PoolMode = 'session' | 'transaction';

export interface DbTarget {
  /** `hub` for the hub's own database, otherwise the domain name from HUB_DOMAINS. */
  name: string;
  /** The env prefix its variables use (`BLOG`, `HUB`): error messages name variables with it. */
  envPrefix: string;
  host: string;
  port: number;
  database: string;
  user: string;
  password: string | undefined;
  sslMode: SslMode;
  /** PEM text of a private CA, read from *_DB_SSL_CA at start-up. */
  sslCa: string | undefined;
  poolMax: number;
  /** 0 means no limit. */
  statementTimeoutMs: number;
  idleInTransactionTimeoutMs: number;
  connectionTimeoutMs: number;
  /**
   * D_DB_POOL_MODE. `transaction` when a pooler that hands each transaction to any server
   * connection (PgBouncer, pool_mode = transaction) stands in between: the hub then keeps no
   * session state (settings are SET LOCAL in each transaction, nothing at connect, no LISTEN).
   */
  poolMode: PoolMode;
  /**
   * The domain's own service for internal actions (D_INTERNAL_URL + D_INTERNAL_SECRET): the hub
   * POSTs signed requests to `<url>/api/internal/<action>`. Undefined when not configured (and
   * always for the hub's own database).
   */
  internal?: InternalService;
  /**
   * D_ZERO_CONFIG_WRITES: when the domain has no definitions, its introspected tables are
   * writable from this role up (undefined: read-only, the default). Never set for the hub.
   */
  zeroConfigWrites?: ZeroConfigWriteRole;
  /** D_DB_READ_URL …: a streaming replica the domain's reads go to (db/read-route.ts). Never set for the hub. */
  read?: ReadReplica;
}

/** A domain's read replica: a target of its own (pool, timeouts), named `<domain>@replica`. */
export interface ReadReplica extends Omit<DbTarget, 'read' | 'internal' | 'zeroConfigWrites'> {
  /**
   * D_DB_READ_MAX_LAG_MS (default 5000): reads go to the primary while the replica's data may
   * be older than this (0: only a replica that has replayed everything the primary wrote).
   */
  maxLagMs: number;
}

export interface InternalService {
  /** http(s) base URL, without a trailing slash. */
  url: string;
  /** HMAC-SHA256 key shared with the service (32+ characters); never logged or shown. */
  secret: string;
}

export interface OAuthClient {
  clientId: string;
  clientSecret: string;
}

export interface AuthConfig {
  /** Signs session cookies and encrypts OAuth tokens: HUB_AUTH_SECRET (32+ characters). */
  secret: string;
  /** The hub's public URL (HUB_URL): OAuth callbacks and cookie security derive from it. */
  baseUrl: string | undefined;
  sessionHours: number;
  /** Email + password accounts (local operators), on unless HUB_AUTH_LOCAL=0. */
  localAccounts: boolean;
  /** Who may enter at all through an identity provider; both empty = anyone the provider vouches for. */
  allowedEmails: string[];
  allowedDomains: string[];
  github: OAuthClient | undefined;
  google: OAuthClient | undefined;
  oidc: (OAuthClient & { issuer: string; name: string }) | undefined;
  /** Failed password sign-ins allowed per account (normalised email) per window before 429. */
  signInAttempts: number;
  /** Failed password sign-ins allowed per client address per window, whatever the account. */
  signInAddressAttempts: number;
  signInWindowSeconds: number;
}

export interface HubConfig {
  auth: AuthConfig;
  /** Audit entries older than this many days are archived and deleted daily; undefined keeps them all. */
  auditRetentionDays: number | undefined;
  auditArchiveDir: string;
  hub: DbTarget;
  domains: DbTarget[];
  /** How many hub processes share the databases: the connection budget multiplies by it. */
  replicas: number;
  strictBudget: boolean;
  /** HUB_STRICT_DEFINITIONS=1: a definition that contradicts its domain's catalog stops the start instead of a warning. */
  strictDefinitions: boolean;
  /** Gzip pages and API answers (HUB_COMPRESS, default on); off behind a proxy that compresses. */
  compress: boolean;
  shutdownTimeoutMs: number;
  /**
   * How often each instance asks the domains what became of audit entries left pending by a
   * process that died between a COMMIT and settling them (HUB_AUDIT_SWEEP_SECONDS, default 60).
   */
  auditSweepSeconds: number;
  /** HUB_DEFAULT_LOCALE (default en): for an operator who chose no language and whose browser names none the hub speaks. */
  defaultLocale: Locale;
  /** HUB_DEFAULT_TIME_ZONE (default UTC): for an operator who chose no zone, before their browser says its own. */
  defaultTimeZone: string;
}

export interface ConfigProblem {
  variable: string;
  message: string;
}

export class ConfigError extends Error {
  constructor(public readonly problems: ConfigProblem[]) {
    super(
      `Admin Hub configuration has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n` +
        problems.map((p) => `  - ${p.variable}: ${p.message}`).join('\n'),
    );
    this.name = 'ConfigError';
  }
}
