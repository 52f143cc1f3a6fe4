/** The queues; each gets its own workers, so slow work cannot starve urgent work. */
export enum QueueName {
  maintenance = 'maintenance',
}

/** Every job the system runs. Add a name here, its payload below and one handler class. */
export enum JobName {
  PurgeExpiredRefreshTokens = 'maintenance.purge-expired-refresh-tokens',
}

/** Payload of each job. Tenant work carries `businessId`; system jobs carry none. */
export interface JobPayloads {
  [JobName.PurgeExpiredRefreshTokens]: Record<string, never>;
}

export const JOB_QUEUE: Record<JobName, QueueName> = {
  [JobName.PurgeExpiredRefreshTokens]: QueueName.maintenance,
};
