/**
 * `npm run user:create -- --email ada@example.com --role superadmin`
 * `npm run user:create -- --email bob@example.com --role blog:editor --role market:viewer [--password …]`
 *
 * Creates a local operator (the first administrator, or installs without an identity
 * provider). Without --password a strong one is generated and printed once.
 */
import './with-hub';
import { parseArgs } from 'node:util';
import nextEnv from '@next/env';
import { createOperator } from '@/engine/auth/operators';
import { isDomainRole, type DomainRole } from '@/engine/auth/roles';
import { bootForTool } from '@/engine/boot';
import { configuredDomains } from '@/engine/config/current';
import { closeAllPools } from '@/engine/db/pools';

const usage =
  'Usage: npm run user:create -- --email <email> --role superadmin | --role <domain>:<viewer|editor|admin> [--role …] [--name <name>] [--password <password>]';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      email: { type: 'string' },
      role: { type: 'string', multiple: true },
      name: { type: 'string' },
      password: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(usage);
    return 0;
  }
  if (!values.email || !/^[^@\s]+@[^@\s]+$/.test(values.email)) {
    console.error(`--email is missing or not an email address.\n${usage}`);
    return 1;
  }
  nextEnv.loadEnvConfig(process.cwd(), false);
  const booted = await bootForTool();
  try {
    let superadmin = false;
    const roles: Record<string, DomainRole> = {};
    for (const role of values.role ?? []) {
      if (role === 'superadmin') superadmin = true;
      else {
        const [domain, name] = role.split(':');
        if (!domain || !name || !isDomainRole(name) || !configuredDomains().includes(domain)) {
          console.error(`--role ${role}: use superadmin or <domain>:<viewer|editor|admin> with a configured domain (${configuredDomains().join(', ')}).`);
          return 1;
        }
        roles[domain] = name;
      }
    }
    const created = await createOperator({ email: values.email, name: values.name, password: values.password, superadmin, roles });
    console.log(
      `Created ${created.email}${superadmin ? ' (superadmin)' : ''}${
        Object.keys(roles).length
          ? ` with ${Object.entries(roles)
              .map(([d, r]) => `${r} of ${d}`)
              .join(', ')}`
          : ''
      }.`,
    );
    if (!values.password) console.log(`Password (shown once): ${created.password}`);
    return 0;
  } catch (error) {
    console.error((error as Error).message);
    return 1;
  } finally {
    await closeAllPools();
    await booted.stopDatabases();
  }
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(error.message);
    process.exit(1);
  },
);
