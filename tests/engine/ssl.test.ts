import { execFileSync } from 'node:child_process';
import { chownSync, readFileSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DbTarget } from '../../src/engine/config/types';
import { DbUnavailableError } from '../../src/engine/db/errors';
import { query } from '../../src/engine/db/query';
import { serverUrl, targetFromUrl } from '../support/databases';
import { installConfig, resetEngine } from '../support/engine';
import { startSpecialServer, type SpecialServer } from '../support/special-server';

let tls: SpecialServer;
let ca: string;

/** A self-signed certificate for 127.0.0.1 and a TLS-only pg_hba.conf, made for this run only. */
function prepareTls(dir: string): Record<string, string> {
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      path.join(dir, 'server.key'),
      '-out',
      path.join(dir, 'server.crt'),
    ],
    { stdio: 'ignore' },
  );
  writeFileSync(path.join(dir, 'pg_hba.conf'), 'hostssl all all 127.0.0.1/32 scram-sha-256\n', { mode: 0o644 });
  if (userInfo().uid === 0) {
    // As root the server runs as postgres, and PostgreSQL insists its key is that user's own.
    const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }));
    for (const f of ['server.key', 'server.crt', 'pg_hba.conf']) chownSync(path.join(dir, f), id('-u'), id('-g'));
  }
  return {
    ssl: 'on',
    ssl_cert_file: path.join(dir, 'server.crt'),
    ssl_key_file: path.join(dir, 'server.key'),
    hba_file: path.join(dir, 'pg_hba.conf'),
  };
}

beforeAll(async () => {
  tls = await startSpecialServer(prepareTls);
  ca = readFileSync(path.join(tls.dir, 'server.crt'), 'utf8');
});
afterAll(async () => {
  await resetEngine();
  await tls?.dispose();
});
afterEach(resetEngine);

async function connectWith(overrides: Partial<DbTarget>, url = tls.url('postgres')): Promise<unknown> {
  const domain = targetFromUrl('blog', url, overrides);
  installConfig(targetFromUrl('hub', url), [domain]);
  return query<{ ssl: boolean }>('blog', 'SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()').then((rows) => rows[0]?.ssl);
}

describe('SSL modes', () => {
  it('require encrypts without checking the certificate', async () => {
    expect(await connectWith({ sslMode: 'require' })).toBe(true);
  });

  it('no-verify encrypts and never checks', async () => {
    expect(await connectWith({ sslMode: 'no-verify' })).toBe(true);
  });

  it('verify-full accepts the certificate when given the CA that signed it', async () => {
    expect(await connectWith({ sslMode: 'verify-full', sslCa: ca })).toBe(true);
  });

  it('require with a CA checks the chain', async () => {
    expect(await connectWith({ sslMode: 'require', sslCa: ca })).toBe(true);
  });

  it('verify-full refuses a self-signed certificate without its CA, naming the fix', async () => {
    const error = await connectWith({ sslMode: 'verify-full' }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(DbUnavailableError);
    expect((error as Error).message).toMatch(
      /^Domain "blog": the server's TLS certificate was not accepted under BLOG_DB_SSL_MODE=verify-full \(.*self[- ]signed.*\)\. Set BLOG_DB_SSL_CA/,
    );
  });

  it('disable against a TLS-only server says to turn TLS on', async () => {
    const error = await connectWith({ sslMode: 'disable' }).catch((e: Error) => e);
    expect((error as Error).message).toBe(
      `Domain "blog": the server at 127.0.0.1:${tls.port} refuses connections without TLS. Set BLOG_DB_SSL_MODE=require (or verify-full with BLOG_DB_SSL_CA).`,
    );
  });

  it('require against a server without TLS says so', async () => {
    const plain = new URL(serverUrl());
    const error = await connectWith({ sslMode: 'require' }, serverUrl()).catch((e: Error) => e);
    // The shared test server may or may not have TLS (the machine's own PostgreSQL has it on Debian).
    if (error instanceof Error) {
      expect(error.message).toBe(
        `Domain "blog": the server at ${plain.hostname}:${plain.port || 5432} does not accept TLS, but BLOG_DB_SSL_MODE=require. Set BLOG_DB_SSL_MODE=disable (only on a trusted network) or enable ssl on the server.`,
      );
    } else {
      expect(error).toBe(true);
    }
  });

  it('never puts the password in the message', async () => {
    const error = (await connectWith({ sslMode: 'disable' }).catch((e: Error) => e)) as Error;
    expect(error.message).not.toContain(tls.password);
  });
});
