import { defineIn } from '@admin-hub/engine/resources/define';

// Overlays on the blog's catalog, which gives types, NULLs, defaults, keys, foreign keys, names and row types (src/demo/rows).
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const blog = defineIn('blog');

export const blogResources = [
  blog('posts', {
    subtitle: 'Articles, drafts and archived posts',
    icon: 'file-text',
    softDelete: 'deleted_at',
    list: ['id', 'title', 'author_id', 'status', 'published', 'word_count', 'created_at'],
    search: ['id', 'title', 'slug'],
    columns: [
      { name: 'slug', help: 'The end of the post’s address: lower-case words joined by dashes.' },
      { name: 'body', input: 'markdown', display: 'markdown' }, // typed with a Markdown preview, shown rendered
      { name: 'word_count', label: 'Words' },
    ],
    fieldsets: [
      { title: 'Post', columns: ['title', 'slug', 'author_id', 'body'] },
      { title: 'Publishing', description: 'Whether readers see it, and how it is filed.', columns: ['status', 'published', 'tags'] },
    ],
    // Beyond each column's type (Django's clean()): shown on the form with the engine's own messages, all at once.
    validate: (values, { row }) => ({
      slug: values.slug != null && !SLUG.test(values.slug) ? 'Lower-case letters and digits, words joined by single dashes ("my-first-post").' : undefined,
      body: (values.status ?? row?.status) === 'published' && !(values.body ?? row?.body)?.trim() ? 'A published post needs a body.' : undefined,
    }),
    // A changed status sets `published` to match, in the save's transaction: the audit entry records both.
    hooks: { beforeSave: ({ values }) => void (values.status != null && (values.published = values.status === 'published')) },
    // Run by the blog's own service (BLOG_INTERNAL_URL; the embedded demo starts one): admins only.
    internalActions: { 'regenerate-summary': {}, 'send-notification': { confirm: 'Send a notification about this post to its subscribers?' } },
  }),
  blog('authors', {
    icon: 'users',
    iconColor: 'violet',
    softDelete: 'deleted_at',
    defaultSort: { column: 'name', direction: 'asc' },
    list: ['id', 'name', 'email', 'created_at'],
    search: ['name', 'email'],
    columns: [{ name: 'created_at', label: 'Joined' }],
    inlines: [{ resource: 'posts', columns: ['title', 'status', 'word_count', 'created_at'] }], // the author's posts, newest first
  }),
  blog('comments', { icon: 'message-square', iconColor: 'amber', search: ['author_name', 'body'], columns: [{ name: 'body', list: true }] }),
  blog('tags', { icon: 'tag', iconColor: 'green', defaultSort: { column: 'name', direction: 'asc' }, search: ['name', 'slug'] }),
  blog('post_tags', { subtitle: 'Which tag is on which post (composite key)', icon: 'tag', iconColor: 'green' }),
  blog('published_posts', {
    subtitle: 'A view: read-only',
    icon: 'file-text',
    defaultSort: { column: 'published_at', direction: 'desc' },
    list: ['id', 'title', 'author_id', 'word_count', 'published_at'],
    search: ['title', 'author_name'],
    // The view has no keys of its own: its id is the post's (and the database does not write through the join).
    columns: [
      { name: 'id', references: { resource: 'posts' } },
      { name: 'author_id', references: { resource: 'authors' } },
    ],
  }),
];
