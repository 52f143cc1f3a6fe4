import { SetMetadata } from '@nestjs/common';

export const ACTIVITY_KEY = 'activity:meta';

export interface ActivityMeta {
  /** `member.invite`, `api_key.create`, … */
  action: string;
  entityType: string;
  /** A domain-event listener records this change (with its own detail), so the interceptor does not. */
  recordedByEvents?: boolean;
}

/** Names what a mutating route does, for the activity log. Unannotated routes are logged by method and path. */
export const Activity = (action: string, entityType: string, options: { recordedByEvents?: boolean } = {}) =>
  SetMetadata(ACTIVITY_KEY, { action, entityType, ...options } satisfies ActivityMeta);
