/**
 * `npm run audit:prune -- --days 365 [--archive-dir .data/audit-archive]`: archives audit
 * entries older than N days to a JSON Lines file, then deletes them (the same job the
 * server runs daily when HUB_AUDIT_RETENTION_DAYS is set).
 */
import './with-hub';
import { parseArgs } from 'node:util';
import nextEnv from '@next/env';
import { pruneAudit } from '@/engine/audit/retention';
import { bootForTool } from '@/engine/boot';
import { closeAllPools } from '@/engine/db/pools';

const { values } = parseArgs({ options: { days: { type: 'string' }, 'archive-dir': { type: 'string' } } });
nextEnv.loadEnvConfig(process.cwd(), false);
const booted = await bootForTool();
const days = Number(values.days ?? booted.config.auditRetentionDays);
let code = 0;
if (!Number.isInteger(days) || days < 1) {
  console.error('Give --days N (or set HUB_AUDIT_RETENTION_DAYS): entries older than N days are archived and deleted.');
  code = 1;
} else {
  const result = await pruneAudit({ days, archiveDir: values['archive-dir'] ?? booted.config.auditArchiveDir });
  console.log(result.deleted ? `Archived ${result.deleted} entries to ${result.archive} and deleted them.` : `No entries older than ${days} days.`);
}
await closeAllPools();
await booted.stopDatabases();
process.exit(code);
