import { User } from '../src/modules/users/entities/user.entity';
import { UsersRepository } from '../src/modules/users/users.repository';
import { normalizeEmail } from '../src/common/text/normalize';
import { withDatabase } from './standalone-database';

const USAGE = `Usage: npm run cli -- <command>
  make-admin <email>     make a user a platform administrator (can read /api/logs)
  revoke-admin <email>   take the flag away`;

async function setAdmin(emailArg: string | undefined, value: boolean): Promise<string> {
  if (!emailArg) throw new Error(USAGE);
  const email = normalizeEmail(emailArg);
  return withDatabase(async (ds) => {
    const users = new UsersRepository(ds.getRepository(User));
    const user = await users.findByEmail(email);
    if (!user) throw new Error(`No user with email ${email}`);
    await users.update(user.id, { isPlatformAdmin: value });
    return `${email} is ${value ? 'now' : 'no longer'} a platform administrator.`;
  });
}

async function main(argv: string[]): Promise<string> {
  const [command, arg] = argv;
  switch (command) {
    case 'make-admin':
      return setAdmin(arg, true);
    case 'revoke-admin':
      return setAdmin(arg, false);
    default:
      throw new Error(USAGE);
  }
}

main(process.argv.slice(2)).then(
  (message) => process.stdout.write(`${message}\n`),
  (err: Error) => {
    process.stderr.write(`${err.message}\n`);
    process.exit(1);
  },
);
