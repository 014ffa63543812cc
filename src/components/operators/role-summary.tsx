import { ShieldCheck } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import type { Grants } from '@admin-hub/engine/operators/manage';

/** "superadmin" or one badge per domain role ("market · editor"); server- and client-safe. */
export function RoleSummary({ grants }: { grants: Grants }) {
  const roles = Object.entries(grants.roles).sort(([a], [b]) => a.localeCompare(b));
  return (
    <span className="flex flex-wrap gap-1" data-testid="role-summary">
      {grants.superadmin ? (
        <Badge variant="warning">
          <ShieldCheck aria-hidden="true" /> superadmin
        </Badge>
      ) : null}
      {roles.map(([domain, role]) => (
        <Badge key={domain} variant="outline" data-testid={`role-${domain}`}>
          {domain} · {role}
        </Badge>
      ))}
      {!grants.superadmin && roles.length === 0 ? <span className="text-xs text-muted-foreground">no roles</span> : null}
    </span>
  );
}
