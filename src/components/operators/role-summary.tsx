import { ShieldCheck } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { Badge } from '@/components/ui/badge';
import type { Grants } from '@admin-hub/engine/operators/manage';

const ROLE_NAMES = ['viewer', 'editor', 'admin'] as const;
type Role = (typeof ROLE_NAMES)[number];
const ROLES: readonly string[] = ROLE_NAMES;

/** "superadmin" or one badge per domain role ("market · editor"); server- and client-safe. */
export function RoleSummary({ grants }: { grants: Grants }) {
  const t = useTranslations('operators');
  const roles = Object.entries(grants.roles).sort(([a], [b]) => a.localeCompare(b));
  return (
    <span className="flex flex-wrap gap-1" data-testid="role-summary">
      {grants.superadmin ? (
        <Badge variant="warning">
          <ShieldCheck aria-hidden="true" /> {t('superadminBadge')}
        </Badge>
      ) : null}
      {roles.map(([domain, role]) => (
        <Badge key={domain} variant="outline" data-testid={`role-${domain}`}>
          {domain} · {ROLES.includes(role) ? t(`roles.${role as Role}`) : role}
        </Badge>
      ))}
      {!grants.superadmin && roles.length === 0 ? <span className="text-xs text-muted-foreground">{t('noRoles')}</span> : null}
    </span>
  );
}
