import pg from 'pg';

/**
 * The benchmark table: `posts` with the columns and indexes a real deployment would have
 * (newest-first, published, trigram search on title). Generated in SQL, deterministic.
 * Reused when it already holds the wanted number of rows.
 */
export async function ensureBenchPosts(url: string, rows: number, onProgress: (m: string) => void): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const existing = await client.query<{ n: string | null }>("SELECT obj_description(to_regclass('public.posts'), 'pg_class') AS n");
    if (existing.rows[0]?.n === String(rows)) {
      // Added with Q4's narrow filter (f.author_id): a table seeded before gets it once.
      await client.query('CREATE INDEX IF NOT EXISTS posts_author_id ON posts (author_id)');
      return;
    }
    onProgress(`seeding bench.posts with ${rows.toLocaleString('en-US')} rows…`);
    await client.query('DROP TABLE IF EXISTS posts');
    await client.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    await client.query(`CREATE TABLE posts (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      title text NOT NULL,
      body text NOT NULL,
      published boolean NOT NULL,
      author_id int NOT NULL,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL)`);
    // ~1% of titles contain "zephyr": the search benchmark's target.
    await client.query(
      `INSERT INTO posts (title, body, published, author_id, created_at, updated_at)
       SELECT CASE WHEN g % 100 = 7 THEN 'Notes on zephyr ' || g ELSE (ARRAY['Scaling','Testing','Shipping','Reading','Writing','Tuning'])[1 + g % 6] || ' post ' || g END,
              repeat('Lorem ipsum dolor sit amet. ', 3 + g % 5),
              g % 4 <> 0,
              1 + g % 500,
              timestamptz '2020-01-01' + g * interval '97 seconds',
              timestamptz '2020-01-01' + g * interval '97 seconds'
         FROM generate_series(1, $1::int) g`,
      [rows],
    );
    onProgress('building indexes…');
    await client.query('CREATE INDEX posts_created_at_id ON posts (created_at DESC, id DESC)');
    await client.query('CREATE INDEX posts_published ON posts (published)');
    await client.query('CREATE INDEX posts_author_id ON posts (author_id)');
    await client.query('CREATE INDEX posts_title_trgm ON posts USING gin (title gin_trgm_ops)');
    await client.query('VACUUM ANALYZE posts');
    await client.query(`COMMENT ON TABLE posts IS '${Number(rows)}'`);
  } finally {
    await client.end();
  }
}
