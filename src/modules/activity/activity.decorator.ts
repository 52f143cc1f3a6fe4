import { SetMetadata } from '@nestjs/common';

export const ACTIVITY_KEY = 'activity:meta';

export interface ActivityMeta {
  /** `member.invite`, `api_key.create`, … */
  action: string;
  entityType: string;
}

/** Names what a mutating route does, for the activity log. Unannotated routes are logged by method and path. */
export const Activity = (action: string, entityType: string) => SetMetadata(ACTIVITY_KEY, { action, entityType } satisfies ActivityMeta);
