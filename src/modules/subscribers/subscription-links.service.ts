import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { purposeKey } from '../../common/crypto/purpose-key';
import type { AppConfig } from '../../infra/config/app-config';
import { SubscriberChannel } from './entities/subscriber.entity';

export enum TokenPurpose {
  confirm = 1,
  unsubscribe = 2,
  /** A customer's marketing opt-out (the id in the token is the customer's). */
  customerUnsubscribe = 3,
}

export interface TokenClaims {
  purpose: TokenPurpose;
  channel: SubscriberChannel;
  businessId: string;
  subscriberId: string;
  /** Unix seconds; 0 = never expires. */
  expiresAt: number;
}

const VERSION = 1;
const BODY_LENGTH = 39;
const MAC_LENGTH = 16;
const CHANNEL_CODE: Record<SubscriberChannel, number> = { [SubscriberChannel.email]: 1, [SubscriberChannel.sms]: 2 };
const CHANNEL_OF: Record<number, SubscriberChannel> = { 1: SubscriberChannel.email, 2: SubscriberChannel.sms };
const TOKEN_FORMAT = /^[A-Za-z0-9_-]{74}$/;

const uuidBytes = (id: string) => Buffer.from(id.replace(/-/g, ''), 'hex');
const uuidOf = (b: Buffer) => b.toString('hex').replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');

/**
 * Stateless, signed links for subscription e-mails (confirm, unsubscribe).
 *
 * A token is 39 bytes (version, purpose, channel, business id, subscriber id,
 * expiry) plus a 128-bit HMAC-SHA256, base64url: 74 characters. The MAC also
 * covers the channel's address (email or phone) without carrying it, so a
 * link stops working when the address on the record changes. The key is
 * derived from JWT_SECRET with a purpose label, so it is never the JWT key.
 * Unsubscribe links never expire (every past message must keep working);
 * confirmation links do.
 */
@Injectable()
export class SubscriptionLinks {
  private readonly key: Buffer;

  constructor(@Inject(ConfigService) config: AppConfig) {
    this.key = purposeKey(config.get('JWT_SECRET', { infer: true })!, 'subscription-links');
  }

  sign(claims: TokenClaims, address: string): string {
    const body = Buffer.alloc(BODY_LENGTH);
    body.writeUInt8(VERSION, 0);
    body.writeUInt8(claims.purpose, 1);
    body.writeUInt8(CHANNEL_CODE[claims.channel], 2);
    uuidBytes(claims.businessId).copy(body, 3);
    uuidBytes(claims.subscriberId).copy(body, 19);
    body.writeUInt32BE(claims.expiresAt, 35);
    return Buffer.concat([body, this.mac(body, address)]).toString('base64url');
  }

  /** The claims a token states, before its signature is checked (needed to find the address it covers). Null when malformed. */
  read(token: string, purpose: TokenPurpose): (TokenClaims & { raw: Buffer }) | null {
    if (!TOKEN_FORMAT.test(token)) return null;
    const raw = Buffer.from(token, 'base64url');
    if (raw.length !== BODY_LENGTH + MAC_LENGTH || raw.readUInt8(0) !== VERSION || raw.readUInt8(1) !== purpose) return null;
    const channel = CHANNEL_OF[raw.readUInt8(2)];
    if (!channel) return null;
    return {
      purpose,
      channel,
      businessId: uuidOf(raw.subarray(3, 19)),
      subscriberId: uuidOf(raw.subarray(19, 35)),
      expiresAt: raw.readUInt32BE(35),
      raw,
    };
  }

  /** True when the token was signed by us for this address. */
  verify(claims: { raw: Buffer }, address: string): boolean {
    const body = claims.raw.subarray(0, BODY_LENGTH);
    return timingSafeEqual(claims.raw.subarray(BODY_LENGTH), this.mac(body, address));
  }

  private mac(body: Buffer, address: string): Buffer {
    return createHmac('sha256', this.key).update(body).update('\0').update(address, 'utf8').digest().subarray(0, MAC_LENGTH);
  }
}
