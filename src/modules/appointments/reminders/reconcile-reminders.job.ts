import { Injectable, Logger } from '@nestjs/common';
import { JobHandler, JobHandlerContract } from '../../../infra/queue/job-handler.decorator';
import { JobName } from '../../../infra/queue/job-names';
import { BookingSettingsService } from '../../booking-settings/booking-settings.service';
import { AppointmentsRepository } from '../appointments.repository';
import { ReminderScheduler } from './reminder.scheduler';

const HOUR = 3_600_000;
/** Reminders are at most this far ahead of their appointment (the largest allowed offset is 30 days). */
const HORIZON_MS = 31 * 24 * HOUR;
const BATCH = 5_000;
const SETTLE_MS = 5 * 60_000;

/**
 * Re-enqueues the reminders of upcoming appointments. Ids are deterministic,
 * so existing jobs are untouched and only ones lost (a crash between commit
 * and enqueue, a queue outage) come back; reminders already due are never
 * re-created, so none is sent twice.
 */
@Injectable()
@JobHandler(JobName.ReconcileAppointmentReminders)
export class ReconcileRemindersJob implements JobHandlerContract<JobName.ReconcileAppointmentReminders> {
  private readonly logger = new Logger('Reminders');

  constructor(
    private readonly appointments: AppointmentsRepository,
    private readonly settings: BookingSettingsService,
    private readonly reminders: ReminderScheduler,
  ) {}

  handle(): Promise<{ appointments: number; scheduled: number }> {
    const now = new Date();
    return this.reconcile(now, new Date(now.getTime() - SETTLE_MS));
  }

  /**
   * Only appointments unchanged since `settledBefore` are considered: a booking,
   * move or cancel in flight schedules its own reminders, and reconciling it at
   * the same moment could re-add the jobs a cancel has just removed.
   */
  async reconcile(now: Date, settledBefore: Date): Promise<{ appointments: number; scheduled: number }> {
    const upcoming = await this.appointments.upcomingAcrossBusinesses(now, new Date(now.getTime() + HORIZON_MS), settledBefore, BATCH);
    const offsets = new Map<string, number[]>();
    let scheduled = 0;
    for (const a of upcoming) {
      if (!offsets.has(a.businessId)) offsets.set(a.businessId, (await this.settings.rules(a.businessId)).reminderOffsetsMinutes);
      scheduled += (await this.reminders.schedule(a, offsets.get(a.businessId)!, now)).length;
    }
    if (upcoming.length === BATCH) this.logger.warn(`Reminder reconciliation stopped at ${BATCH} appointments`);
    return { appointments: upcoming.length, scheduled };
  }
}
