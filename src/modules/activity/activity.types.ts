import type { DomainEventActor } from '../../common/domain-events/domain-event.map';

/** One line of a business's activity: who did what to which record. */
export interface ActivityEntry {
  id: string;
  businessId: string;
  actorType: 'user' | 'api_key' | 'system' | 'public';
  actorId: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  /** Set when the entry concerns a customer: it then shows on that customer's timeline. */
  customerId?: string | null;
  summary: string;
  ip: string | null;
  requestId: string | null;
  at: Date;
}

export type NewActivity = Omit<ActivityEntry, 'id' | 'at'> & { at?: Date };

/** What an activity list is filtered by. */
export interface ActivityFilter {
  entityType?: string;
  entityId?: string;
  actorId?: string;
  action?: string;
  customerId?: string;
  from?: Date;
  to?: Date;
}

/**
 * An entry recorded from a domain event: `by` is who caused it (absent: the
 * public, through a public page or link, or the system); the request id and
 * IP come from the request being served, when there is one.
 */
export interface EventActivity {
  businessId: string;
  by?: DomainEventActor | null;
  /** Who acted when no user or API key did. */
  anonymous?: 'public' | 'system';
  action: string;
  entityType: string;
  entityId: string | null;
  customerId?: string | null;
  /** English audit text; front ends show their own words for `action`. */
  summary: string;
  ip?: string | null;
}
