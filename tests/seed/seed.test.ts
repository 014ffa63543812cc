import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedBlog, seedMarket } from '../../src/demo/embedded/seed';

/**
 * Seeds both demo domains into fresh databases on a real PostgreSQL and checks that the data
 * is what the admin UI's demo relies on. Only reads TEST_DATABASE_URL (a global setup may
 * point it at an embedded server); otherwise uses the machine's local PostgreSQL.
 */
const baseUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const ORDERS = 5_000;

function urlFor(database: string): string {
  const url = new URL(baseUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: baseUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** First row of a query; counts are cast to int in SQL so they arrive as numbers. */
async function one<T extends pg.QueryResultRow>(client: pg.Client, sql: string): Promise<T> {
  const { rows } = await client.query<T>(sql);
  if (!rows[0]) throw new Error(`no row from: ${sql}`);
  return rows[0];
}

async function count(client: pg.Client, sql: string): Promise<number> {
  return (await one<{ n: number }>(client, `SELECT (${sql})::int AS n`)).n;
}

/** The SQLSTATE a statement fails with, or undefined when it succeeds. */
async function errorCode(client: pg.Client, sql: string): Promise<string | undefined> {
  try {
    await client.query(sql);
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  }
}

const suffix = randomBytes(4).toString('hex');
const blogDb = `seed_test_${suffix}_blog`;
const marketDb = `seed_test_${suffix}_market`;
const blog = new pg.Client({ connectionString: urlFor(blogDb) });
const market = new pg.Client({ connectionString: urlFor(marketDb) });
const progress: string[] = [];
let created = false;

beforeAll(async () => {
  await admin(`CREATE DATABASE "${blogDb}"`);
  await admin(`CREATE DATABASE "${marketDb}"`);
  created = true;
  await blog.connect();
  await market.connect();
  await seedBlog(blog, { onProgress: (m) => progress.push(m) });
  await seedMarket(market, { orders: ORDERS, onProgress: (m) => progress.push(m) });
}, 180_000);

afterAll(async () => {
  await blog.end().catch(() => undefined);
  await market.end().catch(() => undefined);
  if (created) {
    await admin(`DROP DATABASE IF EXISTS "${blogDb}" WITH (FORCE)`);
    await admin(`DROP DATABASE IF EXISTS "${marketDb}" WITH (FORCE)`);
  }
}, 60_000);

describe('seed progress', () => {
  it('reports short human messages for both domains', () => {
    expect(progress).toContain('blog: inserting 20,000 posts…');
    expect(progress).toContain(`market: inserting 5,000 orders…`);
    expect(progress.some((m) => m.startsWith('market: done in'))).toBe(true);
  });
});

describe('blog', () => {
  it('has the expected row counts', async () => {
    expect(await count(blog, 'SELECT count(*) FROM authors')).toBe(200);
    expect(await count(blog, 'SELECT count(*) FROM posts')).toBe(20_000);
    expect(await count(blog, 'SELECT count(*) FROM comments')).toBe(60_000);
    expect(await count(blog, 'SELECT count(*) FROM tags')).toBe(40);
    const postTags = await count(blog, 'SELECT count(*) FROM post_tags');
    expect(postTags).toBeGreaterThan(20_000);
    expect(postTags).toBeLessThanOrEqual(80_000);
  });

  it('uses every post_status value and keeps published in line with status', async () => {
    const { labels } = await one<{ labels: string[] }>(blog, `SELECT enum_range(NULL::post_status)::text[] AS labels`);
    expect(labels).toEqual(['draft', 'published', 'archived']);
    const { rows } = await blog.query<{ status: string; n: number }>(`SELECT status::text, count(*)::int AS n FROM posts GROUP BY 1`);
    expect(rows.map((r) => r.status).sort()).toEqual(['archived', 'draft', 'published']);
    const published = rows.find((r) => r.status === 'published')?.n ?? 0;
    expect(published / 20_000).toBeGreaterThan(0.6);
    expect(await count(blog, `SELECT count(*) FROM posts WHERE published <> (status = 'published')`)).toBe(0);
  });

  it('has human-looking titles, unique slugs and exact word counts', async () => {
    const distinctTitles = await count(blog, 'SELECT count(DISTINCT title) FROM posts');
    expect(distinctTitles).toBeGreaterThan(5_000);
    expect(await count(blog, `SELECT count(*) FROM posts WHERE title !~ '^[A-Z0-9]'`)).toBe(0);
    expect(await count(blog, `SELECT count(*) FROM posts WHERE slug !~ '^[a-z0-9-]+$'`)).toBe(0);
    expect(await count(blog, `SELECT count(*) FROM posts WHERE word_count <> array_length(regexp_split_to_array(body, '\\s+'), 1)`)).toBe(0);
  });

  it('keeps posts.tags and post_tags in agreement, with a unique composite key', async () => {
    expect(await count(blog, `SELECT count(*) - count(DISTINCT (post_id, tag_id)) FROM post_tags`)).toBe(0);
    const mismatches = await count(
      blog,
      `SELECT count(*) FROM posts p
        WHERE p.tags IS DISTINCT FROM (SELECT coalesce(array_agg(t.slug ORDER BY t.slug), '{}')
                                         FROM post_tags pt JOIN tags t ON t.id = pt.tag_id WHERE pt.post_id = p.id)`,
    );
    expect(mismatches).toBe(0);
    const { post_id, tag_id } = await one<{ post_id: string; tag_id: number }>(blog, 'SELECT post_id, tag_id FROM post_tags LIMIT 1');
    expect(await errorCode(blog, `INSERT INTO post_tags VALUES (${post_id}, ${tag_id})`)).toBe('23505');
  });

  it('holds referential integrity and plausible timelines', async () => {
    expect(await count(blog, 'SELECT count(*) FROM posts p LEFT JOIN authors a ON a.id = p.author_id WHERE a.id IS NULL')).toBe(0);
    expect(await count(blog, 'SELECT count(*) FROM comments c LEFT JOIN posts p ON p.id = c.post_id WHERE p.id IS NULL')).toBe(0);
    expect(await count(blog, 'SELECT count(*) FROM posts p JOIN authors a ON a.id = p.author_id WHERE a.created_at > p.created_at')).toBe(0);
    expect(await count(blog, 'SELECT count(*) FROM comments c JOIN posts p ON p.id = c.post_id WHERE c.created_at < p.created_at')).toBe(0);
    expect(await count(blog, `SELECT count(*) FROM comments c JOIN posts p ON p.id = c.post_id WHERE p.status <> 'published'`)).toBe(0);
    expect(await count(blog, 'SELECT count(*) FROM posts WHERE updated_at < created_at OR created_at > now()')).toBe(0);
    const softDeleted = await count(blog, 'SELECT count(*) FROM posts WHERE deleted_at IS NOT NULL');
    expect(softDeleted).toBeGreaterThan(0);
    expect(softDeleted).toBeLessThan(1_000);
  });

  it('rejects a malformed email through the email_address domain', async () => {
    const { typtype } = await one<{ typtype: string }>(blog, `SELECT typtype FROM pg_type WHERE typname = 'email_address'`);
    expect(typtype).toBe('d');
    expect(await count(blog, `SELECT count(*) FROM authors WHERE email::text !~ '^[^@ ]+@[^@ ]+$'`)).toBe(0);
    expect(await errorCode(blog, `INSERT INTO authors (name, email) VALUES ('Bad Email', 'not an email')`)).toBe('23514');
  });

  it('serves the read-only published_posts view', async () => {
    const rows = await count(blog, 'SELECT count(*) FROM published_posts');
    expect(rows).toBeGreaterThan(10_000);
    const { is_updatable } = await one<{ is_updatable: string }>(
      blog,
      `SELECT is_updatable FROM information_schema.views WHERE table_name = 'published_posts'`,
    );
    expect(is_updatable).toBe('NO');
  });

  it('has the listed indexes, including the trigram index on posts.title', async () => {
    const { rows } = await blog.query<{ indexname: string; indexdef: string }>(`SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'`);
    const defs = rows.map((r) => r.indexdef).join('\n');
    expect(defs).toMatch(/ON public\.posts USING gin \(title gin_trgm_ops\)/);
    expect(defs).toMatch(/ON public\.posts USING btree \(created_at DESC, id DESC\)/);
    expect(defs).toMatch(/ON public\.posts USING btree \(author_id\)/);
    expect(defs).toMatch(/ON public\.posts USING btree \(status\)/);
    expect(defs).toMatch(/ON public\.comments USING btree \(post_id\)/);
  });

  it('maintains updated_at by trigger and continues identities after the seeded ids', async () => {
    const { fresh } = await one<{ fresh: boolean }>(blog, `UPDATE authors SET bio = 'Edited' WHERE id = 1 RETURNING updated_at = now() AS fresh`);
    expect(fresh).toBe(true);
    const { id } = await one<{ id: string }>(blog, `INSERT INTO posts (author_id, title, slug) VALUES (1, 'New post', 'new-post-x') RETURNING id`);
    expect(Number(id)).toBe(20_001);
  });

  it('refuses to seed a database that is not empty', async () => {
    await expect(seedBlog(blog)).rejects.toThrow(/not empty/);
  });
});

describe('market', () => {
  it('has the expected row counts', async () => {
    expect(await count(market, 'SELECT count(*) FROM customers')).toBe(50_000);
    expect(await count(market, 'SELECT count(*) FROM products')).toBe(2_000);
    expect(await count(market, 'SELECT count(*) FROM orders')).toBe(ORDERS);
    // Fewer orders than the 50,000 that get line items: every order has 1–4 lines.
    expect(await count(market, 'SELECT count(DISTINCT order_id) FROM order_items')).toBe(ORDERS);
    const lines = await count(market, 'SELECT count(*) FROM order_items');
    expect(lines).toBeGreaterThanOrEqual(ORDERS);
    expect(lines).toBeLessThanOrEqual(ORDERS * 4);
    const events = await count(market, 'SELECT count(*) FROM order_events');
    expect(events).toBeGreaterThanOrEqual(ORDERS);
    expect(events).toBeLessThanOrEqual(ORDERS * 5);
  });

  it('uses valid order_status values with a realistic mix', async () => {
    const { labels } = await one<{ labels: string[] }>(market, `SELECT enum_range(NULL::order_status)::text[] AS labels`);
    expect(labels).toEqual(['pending', 'paid', 'shipped', 'delivered', 'cancelled', 'refunded']);
    const delivered = await count(market, `SELECT count(*) FROM orders WHERE status = 'delivered'`);
    expect(delivered / ORDERS).toBeGreaterThan(0.7);
    expect(await count(market, `SELECT count(DISTINCT status) FROM orders`)).toBeGreaterThanOrEqual(4);
  });

  it('has no orphans and declares its foreign keys', async () => {
    expect(await count(market, 'SELECT count(*) FROM orders o LEFT JOIN customers c ON c.id = o.customer_id WHERE c.id IS NULL')).toBe(0);
    expect(await count(market, 'SELECT count(*) FROM order_items i LEFT JOIN orders o ON o.id = i.order_id WHERE o.id IS NULL')).toBe(0);
    expect(await count(market, 'SELECT count(*) FROM order_items i LEFT JOIN products p ON p.id = i.product_id WHERE p.id IS NULL')).toBe(0);
    expect(await count(market, 'SELECT count(*) FROM order_events e LEFT JOIN orders o ON o.id = e.order_id WHERE o.id IS NULL')).toBe(0);
    const { rows } = await market.query<{ conname: string }>(`SELECT conname FROM pg_constraint WHERE contype = 'f' AND conparentid = 0`);
    expect(rows.map((r) => r.conname).sort()).toEqual([
      'order_events_order_id_fkey',
      'order_items_order_id_fkey',
      'order_items_product_id_fkey',
      'orders_customer_id_fkey',
    ]);
    expect(await errorCode(market, 'INSERT INTO order_items VALUES (999999999, 1, 1, 1, 100)')).toBe('23503');
  });

  it('keeps orders consistent with their items, customers and events', async () => {
    const badTotals = await count(
      market,
      `SELECT count(*) FROM orders o
         JOIN (SELECT order_id, sum(quantity * unit_price_cents) AS total, sum(quantity) AS items
                 FROM order_items GROUP BY order_id) i ON i.order_id = o.id
        WHERE o.total_cents <> i.total OR o.item_count <> i.items`,
    );
    expect(badTotals).toBe(0);
    expect(await count(market, 'SELECT count(*) FROM orders o JOIN customers c ON c.id = o.customer_id WHERE c.created_at > o.created_at')).toBe(0);
    expect(await count(market, 'SELECT count(*) FROM order_events WHERE created_at > now()')).toBe(0);
    expect(await count(market, 'SELECT count(*) FROM orders WHERE updated_at < created_at OR updated_at > now()')).toBe(0);
    expect(await count(market, `SELECT count(*) FROM orders WHERE created_at < now() - interval '731 days'`)).toBe(0);
    expect(
      await count(
        market,
        `SELECT count(*) FROM orders WHERE shipping_address->>'country' IS DISTINCT FROM
                                  (SELECT country FROM customers c WHERE c.id = customer_id)`,
      ),
    ).toBe(0);
    const notes = await count(market, 'SELECT count(*) FROM orders WHERE note IS NOT NULL');
    expect(notes).toBeGreaterThan(0);
    expect(notes / ORDERS).toBeLessThan(0.1);
  });

  it('routes order_events rows into partitions', async () => {
    const { relkind } = await one<{ relkind: string }>(market, `SELECT relkind FROM pg_class WHERE relname = 'order_events'`);
    expect(relkind).toBe('p');
    const { rows } = await market.query<{ name: string; n: number }>(
      `SELECT c.relname AS name, (SELECT count(*) FROM order_events e WHERE e.tableoid = c.oid)::int AS n
         FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
        WHERE i.inhparent = 'order_events'::regclass`,
    );
    expect(rows.map((r) => r.name)).toContain('order_events_default');
    expect(rows.length).toBeGreaterThanOrEqual(3);
    expect(rows.filter((r) => r.n > 0).length).toBeGreaterThanOrEqual(3);
    const total = await count(market, 'SELECT count(*) FROM order_events');
    expect(rows.reduce((sum, r) => sum + r.n, 0)).toBe(total);
    expect(await count(market, 'SELECT count(*) FROM ONLY order_events')).toBe(0);
  });

  it('computes the generated price_eur column and enforces the price check', async () => {
    expect(await count(market, 'SELECT count(*) FROM products WHERE price_eur <> price_cents / 100.0')).toBe(0);
    const { price_eur } = await one<{ price_eur: string }>(market, `UPDATE products SET price_cents = 12345 WHERE id = 1 RETURNING price_eur`);
    expect(price_eur).toBe('123.45');
    expect(await errorCode(market, 'UPDATE products SET price_cents = -1 WHERE id = 1')).toBe('23514');
    const { attgenerated } = await one<{ attgenerated: string }>(
      market,
      `SELECT attgenerated FROM pg_attribute WHERE attrelid = 'products'::regclass AND attname = 'price_eur'`,
    );
    expect(attgenerated).toBe('s');
  });

  it('has unique customer emails and the trigram search indexes', async () => {
    expect(await count(market, 'SELECT count(*) - count(DISTINCT email) FROM customers')).toBe(0);
    const { rows } = await market.query<{ indexdef: string }>(`SELECT indexdef FROM pg_indexes WHERE schemaname = 'public'`);
    const defs = rows.map((r) => r.indexdef).join('\n');
    expect(defs).toMatch(/ON public\.customers USING gin \(full_name gin_trgm_ops\)/);
    expect(defs).toMatch(/ON public\.customers USING gin \(email gin_trgm_ops\)/);
    expect(defs).toMatch(/ON public\.products USING gin \(name gin_trgm_ops\)/);
    expect(defs).toMatch(/ON public\.orders USING btree \(created_at DESC, id DESC\)/);
    expect(defs).toMatch(/ON public\.orders USING btree \(customer_id\)/);
    expect(defs).toMatch(/ON public\.orders USING btree \(status\)/);
    const { hits } = await one<{ hits: number }>(market, `SELECT count(*)::int AS hits FROM customers WHERE full_name % 'Anna Müller'`);
    expect(hits).toBeGreaterThan(0);
  });

  it('leaves analyzed statistics and identities that continue after the seeded ids', async () => {
    const { reltuples } = await one<{ reltuples: number }>(market, `SELECT reltuples::int AS reltuples FROM pg_class WHERE relname = 'orders'`);
    expect(reltuples).toBe(ORDERS);
    // Autovacuum never analyzes a partitioned parent; the seed must have done it.
    expect(await count(market, `SELECT count(*) FROM pg_stats WHERE tablename = 'order_events'`)).toBeGreaterThan(0);
    const { id } = await one<{ id: string }>(
      market,
      `INSERT INTO orders (customer_id, total_cents, item_count, shipping_address) VALUES (1, 100, 1, '{}') RETURNING id`,
    );
    expect(Number(id)).toBe(ORDERS + 1);
  });
});
