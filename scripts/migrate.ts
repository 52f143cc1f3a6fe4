import { withDatabase } from './standalone-database';

/** `npm run migration:run`: applies pending migrations (the app also does this at boot). */
withDatabase(async (ds) => {
  const [{ count }] = await ds.query(`SELECT count(*)::int AS count FROM schema_migrations`);
  process.stdout.write(`Schema is up to date (${count} migrations applied).\n`);
}).catch((err: Error) => {
  process.stderr.write(`${err.message}\n`);
  process.exit(1);
});
