/**
 * Every domain event and its payload. Services emit after their change is
 * committed; listeners (activity log now, notifications and invoices next)
 * enqueue jobs rather than doing work inline. Every payload names its business.
 */
export interface DomainEventMap {
  'business.registered': { businessId: string; userId: string };
  'business.updated': { businessId: string; changed: string[] };
  'member.invited': { businessId: string; membershipId: string; userId: string; inviteUrl: string };
  'member.joined': { businessId: string; membershipId: string; userId: string };
  'member.updated': { businessId: string; membershipId: string; role: string };
  'member.removed': { businessId: string; membershipId: string; userId: string };
  'api_key.created': { businessId: string; apiKeyId: string };
  'api_key.revoked': { businessId: string; apiKeyId: string };
}

export type DomainEventName = keyof DomainEventMap;
