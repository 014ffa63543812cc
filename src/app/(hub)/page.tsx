import { canSeeDomain } from '@/engine/auth/access';
import { checkHealth } from '@/engine/db/health';
import { requirePageOperator } from '@/web/operator';

export const dynamic = 'force-dynamic';

/** Placeholder home: every configured domain and its health, read through the pools. */
export default async function HomePage() {
  const operator = await requirePageOperator('/');
  const health = await checkHealth();
  const shown = [...(operator.superadmin ? [health.hub] : []), ...health.domains.filter((d) => canSeeDomain(operator, d.name))];
  return (
    <main className="mx-auto max-w-3xl">
      <h1 className="text-2xl font-semibold">Admin Hub</h1>
      <p className="mt-1 text-sm opacity-70">Domains and their health, read through each domain&apos;s own pool.</p>
      {shown.length === 0 ? <p className="mt-6 rounded-lg border p-4" data-testid="no-access">You have no role on any domain yet. Ask a superadmin to grant you one.</p> : null}
      <ul className="mt-6 divide-y rounded-lg border" data-testid="domain-list">
        {shown.map((t) => (
          <li key={t.name} className="flex items-center justify-between gap-4 p-4" data-testid={`domain-${t.name}`}>
            <div>
              <div className="font-medium">{t.name === 'hub' ? 'hub (own database)' : t.name}</div>
              {t.error ? <div className="text-sm text-red-600 dark:text-red-400">{t.error}</div> : null}
            </div>
            <div className="text-right text-sm">
              <div className={t.ok ? 'text-green-700 dark:text-green-400' : 'text-red-700 dark:text-red-400'}>
                {t.ok ? `reachable · ${t.latencyMs} ms` : 'unreachable'}
              </div>
              <div className="opacity-70">
                pool {t.pool.total}/{t.pool.max} open · {t.pool.idle} idle · {t.pool.waiting} waiting
              </div>
            </div>
          </li>
        ))}
      </ul>
    </main>
  );
}
