import { resolveResource } from '../../src/engine/resources/define';

/** A resource shaped like a real one, for tests that build SQL without a database. */
export const posts = resolveResource({
  domain: 'blog',
  name: 'posts',
  table: 'public.posts',
  title: 'Posts',
  softDelete: 'deleted_at',
  defaultSort: { column: 'created_at', direction: 'desc' },
  columns: [
    { name: 'id', type: 'bigint', searchable: true },
    { name: 'title', type: 'text', searchable: true, nullable: false },
    { name: 'status', type: 'enum', options: ['draft', 'published'] },
    { name: 'published', type: 'boolean' },
    { name: 'word_count', type: 'integer', filter: 'range' },
    { name: 'rating', type: 'number' },
    { name: 'note', type: 'text', filter: 'equals' },
    { name: 'metadata', type: 'json' },
    { name: 'created_at', type: 'datetime', nullable: false },
    { name: 'deleted_at', type: 'datetime' },
  ],
});
