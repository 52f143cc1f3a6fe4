import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { JwtService } from '@nestjs/jwt';
import type { AppConfig } from '../../infra/config/app-config';
import { AccountLinkKind, AccountLinks } from './account-links.service';
import { InvalidLinkException } from './auth.exception';

const config = (secret: string) =>
  ({ get: (key: string) => ({ JWT_SECRET: secret, PUBLIC_URL: 'https://app.chatgrow.example/' })[key] }) as unknown as AppConfig;
const links = new AccountLinks(new JwtService({}), config('a-secret-that-is-long-enough-for-hs256-0123'));
const user = { id: '3f1c2a4e-8b7d-4c6e-9a1f-2b3c4d5e6f70', email: 'dana@example.co.il', passwordHash: '$2b$04$abcdefghijklmnopqrstuv' };
const tokenOf = (url: string) => new URL(url).searchParams.get('token')!;
const refused = (code: string) => (err: unknown) => err instanceof InvalidLinkException && err.code === code;

describe('account links', () => {
  it('opens the page of each kind under PUBLIC_URL', () => {
    assert.match(links.issue(AccountLinkKind.passwordReset, user, 60_000), /^https:\/\/app\.chatgrow\.example\/reset-password\?token=/);
    assert.match(links.issue(AccountLinkKind.emailVerification, user, 60_000), /\/verify-email\?token=/);
    assert.match(links.issue(AccountLinkKind.emailChange, user, 60_000, 'new@example.co.il'), /\/confirm-email\?token=/);
  });

  it('verifies for the state it was issued in, and no longer once the password or address moved on', () => {
    const reset = links.read(AccountLinkKind.passwordReset, tokenOf(links.issue(AccountLinkKind.passwordReset, user, 60_000)));
    assert.equal(links.matches(reset, user), true);
    assert.equal(links.matches(reset, { ...user, passwordHash: '$2b$04$zyxwvutsrqponmlkjihgfe' }), false);
    assert.equal(links.matches(reset, { ...user, email: 'other@example.co.il' }), false);
    assert.equal(links.matches(reset, { ...user, id: '00000000-0000-4000-8000-000000000000' }), false);

    const verify = links.read(AccountLinkKind.emailVerification, tokenOf(links.issue(AccountLinkKind.emailVerification, user, 60_000)));
    assert.equal(links.matches(verify, { ...user, passwordHash: null }), true, 'a verification does not depend on the password');

    const change = links.read(
      AccountLinkKind.emailChange,
      tokenOf(links.issue(AccountLinkKind.emailChange, user, 60_000, 'new@example.co.il')),
    );
    assert.equal(change.newEmail, 'new@example.co.il');
    assert.equal(links.matches(change, user), true);
    assert.equal(links.matches({ ...change, newEmail: 'evil@example.co.il' }, user), false);
  });

  it('refuses another kind, another key, an altered token and an expired one', () => {
    const token = tokenOf(links.issue(AccountLinkKind.passwordReset, user, 60_000));
    assert.throws(() => links.read(AccountLinkKind.emailVerification, token), refused('auth.invalid_link'));
    const other = new AccountLinks(new JwtService({}), config('another-secret-long-enough-for-hs256-98765'));
    assert.throws(() => other.read(AccountLinkKind.passwordReset, token), refused('auth.invalid_link'));
    assert.throws(() => links.read(AccountLinkKind.passwordReset, `${token}x`), refused('auth.invalid_link'));
    const expired = tokenOf(links.issue(AccountLinkKind.passwordReset, user, -1_000));
    assert.throws(() => links.read(AccountLinkKind.passwordReset, expired), refused('auth.link_expired'));
  });
});
