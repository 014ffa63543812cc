import 'server-only';
import { checkTarget } from '@admin-hub/engine/db/health';

/** Hub database health on the dashboard: what the readiness probe checks, within its budget. */
export const HUB_HEALTH_BUDGET_MS = 1_500;

export function hubHealth() {
  return checkTarget('hub', HUB_HEALTH_BUDGET_MS);
}
