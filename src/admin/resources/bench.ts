import { defineIn } from '@admin-hub/engine/resources/define';

// The benchmark's 1,000,000-row posts (`npm run bench`): served only when HUB_DOMAINS lists "bench", as the bench does.
export const benchResources = [defineIn('bench')('posts', { search: ['title'], columns: [{ name: 'author_id', filter: 'equals' }] })];
