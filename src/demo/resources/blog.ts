import { defineResource } from '@admin-hub/engine/resources/define';

/** The blog demo domain, written by hand as an example of the style: name only what differs. */
const postStatuses = ['draft', 'published', 'archived'] as const;
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export const blogResources = [
  defineResource({
    domain: 'blog',
    name: 'posts',
    table: 'public.posts',
    title: 'Posts',
    subtitle: 'Articles, drafts and archived posts',
    icon: 'file-text',
    iconColor: 'blue',
    softDelete: 'deleted_at',
    defaultSort: { column: 'created_at', direction: 'desc' },
    columns: [
      { name: 'id', type: 'bigint', label: 'ID', readOnly: true, searchable: true },
      { name: 'title', type: 'text', searchable: true, nullable: false },
      { name: 'slug', type: 'text', searchable: true, list: false, nullable: false, help: 'The end of the post’s address: lower-case words joined by dashes.' },
      { name: 'author_id', type: 'integer', label: 'Author', references: { resource: 'authors' }, filter: 'equals', nullable: false },
      { name: 'status', type: 'enum', options: postStatuses, nullable: false, hasDefault: true },
      { name: 'published', type: 'boolean', nullable: false, hasDefault: true }, // follows the status (beforeSave below)
      { name: 'word_count', type: 'integer', label: 'Words', nullable: false, hasDefault: true },
      { name: 'tags', type: 'array', nullable: false, hasDefault: true },
      // Typed and previewed as Markdown (input), shown rendered on the record page (display).
      { name: 'body', type: 'longtext', nullable: false, hasDefault: true, input: 'markdown', display: 'markdown' },
      { name: 'metadata', type: 'json', nullable: false, hasDefault: true },
      { name: 'created_at', type: 'datetime', label: 'Created', nullable: false, hasDefault: true },
      { name: 'updated_at', type: 'datetime', label: 'Updated', nullable: false, list: false, hasDefault: true },
      { name: 'deleted_at', type: 'datetime', label: 'Deleted', list: false, readOnly: true },
    ],
    // Sections of the form and the record page; the columns in none follow under "Other".
    fieldsets: [
      { title: 'Post', columns: ['title', 'slug', 'author_id', 'body'] },
      { title: 'Publishing', description: 'Whether readers see it, and how it is filed.', columns: ['status', 'published', 'tags'] },
    ],
    // Beyond each column's type (Django's clean()): shown on the form with the engine's own messages, all at once.
    validate(values, { row }) {
      const status = values.status ?? row?.status;
      const body = values.body ?? row?.body ?? '';
      return {
        slug: values.slug != null && !SLUG.test(values.slug) ? 'Lower-case letters and digits, words joined by single dashes ("my-first-post").' : undefined,
        body: status === 'published' && body.trim() === '' ? 'A published post needs a body.' : undefined,
      };
    },
    hooks: {
      // A changed status sets `published` to match, in the save's transaction: the audit entry records both.
      beforeSave({ values }) {
        if (values.status != null) values.published = values.status === 'published';
      },
    },
    // Run by the blog's own service (BLOG_INTERNAL_URL; the embedded demo starts one): admins only.
    internalActions: {
      'regenerate-summary': { label: 'Regenerate summary', scope: 'row' },
      'send-notification': { label: 'Send notification', scope: 'row', confirm: 'Send a notification about this post to its subscribers?' },
    },
  }),
  defineResource({
    domain: 'blog',
    name: 'authors',
    table: 'public.authors',
    title: 'Authors',
    // Each author's posts inside the author's page, 10 at a time, newest first (the posts list's own sort), with "View all".
    inlines: [{ resource: 'posts', columns: ['title', 'status', 'word_count', 'created_at'] }],
    icon: 'users',
    iconColor: 'violet',
    softDelete: 'deleted_at',
    defaultSort: { column: 'name', direction: 'asc' },
    columns: [
      { name: 'id', type: 'integer', label: 'ID', readOnly: true },
      { name: 'name', type: 'text', searchable: true, nullable: false },
      { name: 'email', type: 'email', searchable: true, nullable: false },
      { name: 'bio', type: 'longtext' },
      { name: 'created_at', type: 'datetime', label: 'Joined', nullable: false, hasDefault: true },
      { name: 'updated_at', type: 'datetime', label: 'Updated', nullable: false, list: false, hasDefault: true },
      { name: 'deleted_at', type: 'datetime', label: 'Deleted', list: false, readOnly: true },
    ],
  }),
  defineResource({
    domain: 'blog',
    name: 'comments',
    table: 'public.comments',
    title: 'Comments',
    icon: 'message-square',
    iconColor: 'amber',
    defaultSort: { column: 'created_at', direction: 'desc' },
    columns: [
      { name: 'id', type: 'bigint', label: 'ID', readOnly: true },
      { name: 'post_id', type: 'bigint', label: 'Post', references: { resource: 'posts' }, filter: 'equals', nullable: false },
      { name: 'author_name', type: 'text', label: 'Author', searchable: true, nullable: false },
      { name: 'body', type: 'longtext', searchable: true, list: true, nullable: false },
      { name: 'approved', type: 'boolean', nullable: false, hasDefault: true },
      { name: 'created_at', type: 'datetime', label: 'Posted', nullable: false, hasDefault: true },
    ],
  }),
  defineResource({
    domain: 'blog',
    name: 'tags',
    table: 'public.tags',
    title: 'Tags',
    icon: 'tag',
    iconColor: 'green',
    defaultSort: { column: 'name', direction: 'asc' },
    columns: [
      { name: 'id', type: 'integer', label: 'ID', readOnly: true },
      { name: 'name', type: 'text', searchable: true, nullable: false },
      { name: 'slug', type: 'text', searchable: true, nullable: false },
    ],
  }),
  defineResource({
    domain: 'blog',
    name: 'post-tags',
    table: 'public.post_tags',
    title: 'Post tags',
    subtitle: 'Which tag is on which post (composite key)',
    icon: 'tag',
    iconColor: 'green',
    primaryKey: ['post_id', 'tag_id'],
    defaultSort: { column: 'post_id', direction: 'desc' },
    columns: [
      { name: 'post_id', type: 'bigint', label: 'Post', references: { resource: 'posts' }, filter: 'equals' },
      { name: 'tag_id', type: 'integer', label: 'Tag', references: { resource: 'tags' }, filter: 'equals' },
    ],
  }),
  defineResource({
    domain: 'blog',
    name: 'published-posts',
    table: 'public.published_posts',
    title: 'Published posts',
    subtitle: 'A view: read-only',
    icon: 'file-text',
    iconColor: 'blue',
    readOnly: true,
    defaultSort: { column: 'published_at', direction: 'desc' },
    columns: [
      { name: 'id', type: 'bigint', label: 'ID', references: { resource: 'posts' } },
      { name: 'title', type: 'text', searchable: true },
      { name: 'author_name', type: 'text', label: 'Author', searchable: true },
      { name: 'author_email', type: 'email', label: 'Author email', list: false },
      { name: 'word_count', type: 'integer', label: 'Words' },
      { name: 'tags', type: 'array' },
      { name: 'published_at', type: 'datetime', label: 'Published' },
    ],
  }),
];
