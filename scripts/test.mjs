#!/usr/bin/env node
// Runs the whole test suite: build, one migrated template database, then every
// spec file under node's test runner, each file in its own database cloned from
// the template. Usage: npm test [-- path-filter ...]
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const root = new URL('..', import.meta.url).pathname;
const filters = process.argv.slice(2);
const adminUrl = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const runId = `${process.pid}_${randomBytes(3).toString('hex')}`;
const template = `chatgrow_tmpl_${runId}`;

function run(cmd, args, env = {}) {
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
}

function specs(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...specs(path));
    else if (/\.(e2e-)?spec\.js$/.test(name)) out.push(path);
  }
  return out;
}

// tsc emits even with type errors; a filtered run (one module's tests) goes on
// so parallel work elsewhere does not block it, a full run stops.
if (run('npx', ['tsc', '-p', 'tsconfig.json']) !== 0) {
  if (filters.length === 0) process.exit(1);
  console.warn('Type errors above; running the filtered tests anyway.');
}

require('reflect-metadata');
const { Client } = require('pg');
const { DataSource } = require('typeorm');
const { dataSourceOptions } = require(join(root, 'dist/src/infra/database/data-source-options.js'));
const { runMigrations } = require('bullmq');

const admin = new Client({ connectionString: adminUrl });
await admin.connect();
const urlFor = (db) => {
  const u = new URL(adminUrl);
  u.pathname = `/${db}`;
  return u.toString();
};

let status = 1;
try {
  await admin.query(`CREATE DATABASE ${template} ENCODING 'UTF8' TEMPLATE template0`);
  const ds = await new DataSource(dataSourceOptions(urlFor(template))).initialize();
  await ds.runMigrations({ transaction: 'each' });
  await ds.destroy();
  const pg = new Client({ connectionString: urlFor(template) });
  await pg.connect();
  await runMigrations(pg, 'bullmq');
  await pg.end();

  // Filter on the path inside the repository: the checkout's own path (e.g. a worktree named
  // wt-invoicepdf) must not make a filter such as `pdf` match every file.
  const files = [...specs(join(root, 'dist/src')), ...specs(join(root, 'dist/test'))]
    .map((f) => relative(root, f))
    .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
    .sort();
  if (files.length === 0) throw new Error(`No spec files match ${filters.join(' ')}`);
  status = run(
    process.execPath,
    ['--enable-source-maps', '--test', `--test-concurrency=${process.env.TEST_CONCURRENCY ?? 2}`, '--test-reporter=spec', ...files],
    { TEST_PG_URL: adminUrl, TEST_TEMPLATE_DB: template, TEST_RUN_ID: runId, NODE_ENV: 'test' },
  );
} finally {
  const { rows } = await admin.query(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`chatgrow_%${runId}%`]);
  for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`).catch(() => undefined);
  await admin.end();
}
process.exit(status);
