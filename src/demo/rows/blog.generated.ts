/**
 * Row types of the "blog" domain, generated from its database catalog by
 * `npm run introspect -- blog --types`: do not edit, run it again after a migration.
 * Used as Row<'blog', '<table>'> (from '@admin-hub/engine/resources/rows'); tables outside
 * `public` are keyed with their schema ('audit.events'). Values as the engine hands them out:
 * int2/int4 numbers, int8, numeric, dates and times, JSON and bytea as text, floats as numbers
 * (NaN and ±Infinity as text), an enum one of its labels, NULL as null.
 */
export {};

declare module '@/engine/resources/rows' {
  interface HubRows {
    blog: {
      /** public.authors (table) */
      authors: {
        id: number;
        name: string;
        email: string;
        bio: string | null;
        created_at: string;
        updated_at: string;
        deleted_at: string | null;
      };

      /** public.comments (table) */
      comments: {
        id: string;
        post_id: string;
        author_name: string;
        body: string;
        approved: boolean;
        created_at: string;
      };

      /** public.post_tags (table) */
      post_tags: {
        post_id: string;
        tag_id: number;
      };

      /** public.posts (table) */
      posts: {
        id: string;
        author_id: number;
        title: string;
        slug: string;
        body: string;
        status: 'draft' | 'published' | 'archived';
        published: boolean;
        tags: (string | null)[];
        metadata: string;
        word_count: number;
        created_at: string;
        updated_at: string;
        deleted_at: string | null;
      };

      /** public.published_posts (view) */
      published_posts: {
        id: string | null;
        title: string | null;
        slug: string | null;
        tags: (string | null)[] | null;
        word_count: number | null;
        published_at: string | null;
        author_id: number | null;
        author_name: string | null;
        author_email: string | null;
      };

      /** public.tags (table) */
      tags: {
        id: number;
        name: string;
        slug: string;
      };
    };
  }
}
