import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { hash, verify } from '@node-rs/bcrypt';
import { randomToken } from '../../common/crypto/tokens';
import type { AppConfig } from '../../infra/config/app-config';

@Injectable()
export class PasswordHasher {
  private readonly rounds: number;
  /** A hash of a random password: a login for an unknown email costs the same as a real one. */
  private decoy?: Promise<string>;

  constructor(@Inject(ConfigService) config: AppConfig) {
    this.rounds = config.get('BCRYPT_ROUNDS', { infer: true });
  }

  hash(password: string): Promise<string> {
    return hash(password, this.rounds);
  }

  /** Compares against the stored hash, or a decoy when there is none, in constant work. */
  async verify(password: string, storedHash: string | null | undefined): Promise<boolean> {
    this.decoy ??= this.hash(randomToken(16));
    const ok = await verify(password, storedHash ?? (await this.decoy)).catch(() => false);
    return ok && !!storedHash;
  }
}
