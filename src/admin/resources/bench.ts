import { defineResource } from '@admin-hub/engine/resources/define';

/**
 * The benchmark's domain (`npm run bench`): one 1,000,000-row posts table shaped like a real
 * one. Active only when HUB_DOMAINS lists "bench", which only the bench harness does.
 */
export const benchResources = [
  defineResource({
    domain: 'bench',
    name: 'posts',
    table: 'public.posts',
    title: 'Posts',
    defaultSort: { column: 'created_at', direction: 'desc' },
    columns: [
      { name: 'id', type: 'bigint', readOnly: true },
      { name: 'title', type: 'text', searchable: true, nullable: false },
      { name: 'body', type: 'longtext', nullable: false },
      { name: 'published', type: 'boolean', nullable: false },
      { name: 'author_id', type: 'integer', nullable: false, filter: 'equals' },
      { name: 'created_at', type: 'datetime', nullable: false },
      { name: 'updated_at', type: 'datetime', nullable: false },
    ],
  }),
];
