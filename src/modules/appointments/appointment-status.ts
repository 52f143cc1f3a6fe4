export enum AppointmentStatus {
  pending = 'pending',
  confirmed = 'confirmed',
  cancelled = 'cancelled',
  completed = 'completed',
  no_show = 'no_show',
}

export enum AppointmentSource {
  staff = 'staff',
  public = 'public',
  api = 'api',
}

export type AppointmentAction = 'confirm' | 'cancel' | 'complete' | 'no_show' | 'reschedule';

const { pending, confirmed, cancelled, completed, no_show } = AppointmentStatus;

/**
 * Which statuses each action starts from and where it leads. `cancelled`,
 * `completed` and `no_show` are final; rescheduling keeps the status.
 */
const TRANSITIONS: Record<AppointmentAction, { from: readonly AppointmentStatus[]; to: AppointmentStatus | 'same' }> = {
  confirm: { from: [pending], to: confirmed },
  cancel: { from: [pending, confirmed], to: cancelled },
  complete: { from: [pending, confirmed], to: completed },
  no_show: { from: [pending, confirmed], to: no_show },
  reschedule: { from: [pending, confirmed], to: 'same' },
};

/**
 * Actions that record what happened at the appointment, so they wait until it
 * has started: an appointment still in the future can be confirmed, moved or
 * cancelled, not completed or marked a no-show.
 */
export function needsStarted(action: AppointmentAction): boolean {
  return action === 'complete' || action === 'no_show';
}

/** The statuses an action may start from. */
export function allowedFrom(action: AppointmentAction): readonly AppointmentStatus[] {
  return TRANSITIONS[action].from;
}

/** The status after `action`, or null when the action is not allowed from `current`. */
export function nextStatus(current: AppointmentStatus, action: AppointmentAction): AppointmentStatus | null {
  const rule = TRANSITIONS[action];
  if (!rule.from.includes(current)) return null;
  return rule.to === 'same' ? current : rule.to;
}

/** Statuses that hold their time on the calendar (matches the exclusion constraint's WHERE). */
export const BLOCKING_STATUSES: readonly AppointmentStatus[] = [pending, confirmed, completed, no_show];
