import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { TenantRepository } from '../../../../common/tenancy/tenant.repository';
import { SandboxTransaction } from './sandbox-transaction.entity';

@Injectable()
export class SandboxLedgerRepository extends TenantRepository<SandboxTransaction> {
  constructor(@InjectRepository(SandboxTransaction) repo: Repository<SandboxTransaction>) {
    super(repo);
  }

  /**
   * The page a payer opened, by its token alone: the payer is not signed in, and
   * the unguessable token is what names the business (as at a real gateway).
   */
  async pageByToken(token: string): Promise<SandboxTransaction | null> {
    if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
    return this.repo.findOneBy({ token });
  }

  /** Records the card's outcome on an open page, once; null when the page was already paid or declined. */
  async complete(
    token: string,
    outcome: { status: 'approved' | 'declined'; declineReason: string | null; transactionId: string; cardLast4: string },
  ): Promise<SandboxTransaction | null> {
    const rows = await this.sql<{ id: string }>(
      `UPDATE sandbox_transactions SET status = $2, decline_reason = $3, transaction_id = $4, card_last4 = $5, completed_at = now()
       WHERE token = $1 AND status = 'open' RETURNING id`,
      [token, outcome.status, outcome.declineReason, outcome.transactionId, outcome.cardLast4],
    );
    return rows.length ? this.repo.findOneBy({ id: rows[0].id }) : null;
  }

  /**
   * A refund against an approved page, atomically bounded by what is left;
   * the refunded total after it, or null when the page is not approved or too little is left.
   */
  async refund(businessId: string, token: string, amountAgorot: number): Promise<number | null> {
    const rows = await this.sql<{ refunded_agorot: number }>(
      `UPDATE sandbox_transactions SET refunded_agorot = refunded_agorot + $3
       WHERE business_id = $1 AND token = $2 AND status = 'approved' AND refunded_agorot + $3 <= amount_agorot
       RETURNING refunded_agorot`,
      [businessId, token, amountAgorot],
    );
    return rows.length ? rows[0].refunded_agorot : null;
  }
}
