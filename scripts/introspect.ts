/**
 * `npm run introspect -- <domain> [--full | --types] [--out <file>] [--stdout] [--force]`: reads a
 * domain's database catalog and writes resource definitions to start from, by default to
 * src/admin/resources/<domain>.generated.ts: in the short (overlay) form, saying only what the
 * catalog does not (`--full`: every column typed, as before). With `--types`, the row types of
 * its tables instead (Row<'market', 'customers'>), by default to src/admin/rows/<domain>.generated.ts.
 * Never overwrites a file without --force: the generated file is meant to be edited, and a
 * re-run must not eat those edits. Exits 1 on any problem, with the reason (and for a bad
 * domain, the configured ones).
 */
import './with-hub';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import nextEnv from '@next/env';
import { knownDomains } from '@/admin/domains';
import { bootForTool, runningEmbeddedEnv } from '@/engine/boot';
import { checkDomain, UnknownDomainError } from '@/engine/config/current';
import { loadConfig, wantsEmbeddedDefault } from '@/engine/config/load-config';
import { closeAllPools } from '@/engine/db/pools';
import { exportNameFor, planDefinitions, readCatalog, renderDefinitionFile, renderRowTypesFile, shortDefinition } from '@/engine/introspect';
import { notesFor, summarize } from '@/engine/introspect/summary';
import type { CatalogTable } from '@/engine/introspect/types';
import { rowTypeKey } from '@/engine/resources/rows';

const USAGE = 'Usage: npm run introspect -- <domain> [--full | --types] [--out <file>] [--stdout] [--force]';

class UsageError extends Error {}

interface Args {
  domain: string;
  out: string;
  stdout: boolean;
  force: boolean;
  /** What to write: short definitions (the default), full ones, or row types. */
  output: 'overlay' | 'full' | 'types';
}

function toolEnv(): Record<string, string | undefined> {
  return { ...process.env, ...runningEmbeddedEnv() };
}

/**
 * The configured domain names, when they can be known without booting: booting with
 * nothing configured starts (and on first run seeds) the embedded demo, far too much work
 * just to say that an argument is missing or misspelt. Undefined when only boot can tell.
 */
function domainsWithoutBooting(): string[] | undefined {
  const env = toolEnv();
  if (wantsEmbeddedDefault(env)) return undefined;
  try {
    return loadConfig(env).domains.map((d) => d.name);
  } catch {
    return undefined; // boot reports configuration problems, all of them, with their fixes
  }
}

function describeDomains(): string {
  if (wantsEmbeddedDefault(toolEnv())) {
    return `Nothing is configured (no HUB_DOMAINS): the embedded demo is used. Domains this code base knows: ${knownDomains.join(', ')}.`;
  }
  const configured = domainsWithoutBooting();
  if (configured) return `Configured domains: ${configured.join(', ')}.`;
  return 'The configuration has problems (`npm run doctor` lists them); HUB_DOMAINS names the domains.';
}

function parse(argv: string[]): Args | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        stdout: { type: 'boolean' },
        force: { type: 'boolean' },
        full: { type: 'boolean' },
        types: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  if (positionals.length === 0) throw new UsageError(`Which domain? ${USAGE}\n${describeDomains()}`);
  if (positionals.length > 1) throw new UsageError(`One domain at a time (got ${positionals.join(', ')}). ${USAGE}`);
  if (values.out !== undefined && values.stdout) throw new UsageError(`--out and --stdout exclude each other. ${USAGE}`);
  if (values.full && values.types) throw new UsageError(`--full and --types exclude each other. ${USAGE}`);
  const domain = positionals[0]!;
  const configured = domainsWithoutBooting();
  if (configured && !configured.includes(domain)) throw new UnknownDomainError(domain, configured);
  const output = values.types ? 'types' : values.full ? 'full' : 'overlay';
  return {
    domain,
    out: path.resolve(values.out ?? path.join('src', 'admin', output === 'types' ? 'rows' : 'resources', `${domain}.generated.ts`)),
    stdout: values.stdout ?? false,
    force: values.force ?? false,
    output,
  };
}

function typesNextSteps(domain: string, file: string, tables: readonly CatalogTable[]): string[] {
  const example = tables[0] ? rowTypeKey(tables[0]) : '<table>';
  return [
    '',
    'Next steps:',
    `  1. Use Row<'${domain}', '${example}'> (import type { Row } from '@admin-hub/engine/resources/rows') in custom pages and hooks.`,
    `  2. Run \`npm run introspect -- ${domain} --types --force${file === path.join('src', 'admin', 'rows', `${domain}.generated.ts`) ? '' : ` --out ${file}`}\` again after each migration.`,
  ];
}

function nextSteps(domain: string, file: string, exportName: string): string[] {
  return [
    '',
    'Next steps:',
    `  1. Review ${file}: titles, searchable columns, readOnly flags, filters.`,
    `  2. Add ...${exportName} to the resources of createHub in src/admin/hub.ts; until then the hub shows "${domain}" read-only, straight from the catalog.`,
    '  3. Once you edit it, drop ".generated" from its name so that a later --force run cannot overwrite your changes.',
  ];
}

async function main(argv: string[]): Promise<number> {
  nextEnv.loadEnvConfig(process.cwd(), false);
  const args = parse(argv);
  if (args === 'help') {
    console.log(`${USAGE}\n${describeDomains()}`);
    return 0;
  }
  const relative = path.relative(process.cwd(), args.out);
  if (!args.stdout && !args.force && existsSync(args.out)) {
    throw new UsageError(`${relative} already exists: pass --force to overwrite it, --out <file> to write elsewhere, or --stdout.`);
  }

  const { stopDatabases } = await bootForTool();
  try {
    const domain = checkDomain(args.domain);
    const catalog = await readCatalog(domain);
    const plan = planDefinitions(domain, catalog);
    const source =
      args.output === 'types'
        ? renderRowTypesFile(domain, catalog)
        : renderDefinitionFile(
            domain,
            plan.planned.map((p) => (args.output === 'full' ? p.def : shortDefinition(p))),
            { notes: notesFor(plan), knownDomains, form: args.output },
          );
    // With --stdout the file is the output (to pipe or redirect); everything else goes to stderr.
    const say = args.stdout ? (line: string) => console.error(line) : (line: string) => console.log(line);
    if (args.stdout) {
      // Wait for the write: process.exit would cut a large file short on an asynchronous pipe.
      await new Promise<void>((resolve, reject) => process.stdout.write(source, (error) => (error ? reject(error) : resolve())));
    } else {
      mkdirSync(path.dirname(args.out), { recursive: true });
      writeFileSync(args.out, source, { flag: args.force ? 'w' : 'wx' });
    }
    if (args.output === 'types') say(`Introspected domain "${domain}": row types of ${catalog.length} relation${catalog.length === 1 ? '' : 's'}.`);
    else say(`Introspected domain "${domain}": ${summarize(plan).join('\n  ')}`);
    if (!args.stdout) {
      say(`Wrote ${relative}`);
      const steps = args.output === 'types' ? typesNextSteps(domain, relative, catalog) : nextSteps(domain, relative, exportNameFor(domain));
      for (const line of steps) say(line);
    }
    return 0;
  } finally {
    await closeAllPools();
    await stopDatabases();
  }
}

main(process.argv.slice(2))
  .then((code) => process.exit(code))
  .catch((error: Error) => {
    console.error(error instanceof UsageError || error instanceof UnknownDomainError ? error.message : `introspect failed: ${error.message}`);
    process.exit(1);
  });
