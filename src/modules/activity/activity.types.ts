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
