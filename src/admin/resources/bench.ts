import { defineIn } from '@admin-hub/engine/resources/define';

/**
 * The benchmark's domain (`npm run bench`): one 1,000,000-row posts table shaped like a real
 * one, as an overlay on its catalog. Active only when HUB_DOMAINS lists "bench", which only the
 * bench harness does.
 */
export const benchResources = [defineIn('bench')('posts', { search: ['title'], columns: [{ name: 'author_id', filter: 'equals' }] })];
