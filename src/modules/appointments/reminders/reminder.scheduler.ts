import { Injectable, Logger } from '@nestjs/common';
import { JobQueueService } from '../../../infra/queue/job-queue.service';
import { JobName } from '../../../infra/queue/job-names';

export interface ReminderTarget {
  businessId: string;
  id: string;
  startsAt: Date;
}

/**
 * Deterministic id of one reminder: `reminder-<appointment>-<offset>-<start epoch s>`.
 * BullMQ refuses `:` in custom ids, hence the dashes. A moved appointment gets
 * new ids, so an old job can never be mistaken for the current one.
 */
export function reminderJobId(appointmentId: string, offsetMinutes: number, startsAt: Date): string {
  return `reminder-${appointmentId}-${offsetMinutes}-${Math.floor(startsAt.getTime() / 1000)}`;
}

/** Delayed reminder jobs of appointments: scheduled on booking, moved on reschedule, removed on cancel. */
@Injectable()
export class ReminderScheduler {
  private readonly logger = new Logger('Reminders');

  constructor(private readonly jobs: JobQueueService) {}

  /**
   * Enqueues the reminders still in the future (an appointment booked two hours
   * ahead gets no 24-hour reminder). Re-enqueueing an existing id is a no-op.
   * Failures are logged, not thrown: the booking is committed and the hourly
   * reconciliation re-creates missing reminders.
   */
  async schedule(a: ReminderTarget, offsetsMinutes: number[], now = new Date()): Promise<string[]> {
    const ids: string[] = [];
    for (const offset of offsetsMinutes) {
      const dueAt = a.startsAt.getTime() - offset * 60_000;
      if (dueAt <= now.getTime()) continue;
      const jobId = reminderJobId(a.id, offset, a.startsAt);
      try {
        await this.jobs.enqueue(
          JobName.AppointmentReminder,
          { businessId: a.businessId, appointmentId: a.id, offsetMinutes: offset, startsAt: a.startsAt.toISOString() },
          { jobId, delayMs: dueAt - now.getTime() },
        );
        ids.push(jobId);
      } catch (err) {
        this.logger.error(`Could not schedule reminder ${jobId}: ${(err as Error).message}`);
      }
    }
    return ids;
  }

  /** Removes the pending reminders of the appointment as it was at `startsAt`. */
  async cancel(a: ReminderTarget, offsetsMinutes: number[]): Promise<void> {
    for (const offset of offsetsMinutes) {
      const jobId = reminderJobId(a.id, offset, a.startsAt);
      await this.jobs
        .cancel(JobName.AppointmentReminder, jobId)
        .catch((err: Error) => this.logger.error(`Could not remove reminder ${jobId}: ${err.message}`));
    }
  }

  async move(before: ReminderTarget, after: ReminderTarget, offsetsMinutes: number[]): Promise<void> {
    if (before.startsAt.getTime() === after.startsAt.getTime()) return;
    await this.cancel(before, offsetsMinutes);
    await this.schedule(after, offsetsMinutes);
  }
}
