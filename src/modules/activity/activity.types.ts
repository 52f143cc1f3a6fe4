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
  summary: string;
  ip: string | null;
  requestId: string | null;
  at: Date;
}

export type NewActivity = Omit<ActivityEntry, 'id' | 'at'> & { at?: Date };
