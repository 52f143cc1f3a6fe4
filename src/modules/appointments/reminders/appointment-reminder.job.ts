import { Injectable, Logger } from '@nestjs/common';
import { DomainEvents } from '../../../common/domain-events/domain-events';
import { JobHandler, JobHandlerContract } from '../../../infra/queue/job-handler.decorator';
import { JobName, JobPayloads } from '../../../infra/queue/job-names';
import { toEventPayload } from '../appointment.mapper';
import { AppointmentStatus } from '../appointment-status';
import { AppointmentsRepository } from '../appointments.repository';

type Payload = JobPayloads[JobName.AppointmentReminder];

/**
 * A reminder came due. It re-reads the appointment and stays silent when the
 * appointment is gone, cancelled, finished or moved since it was scheduled
 * (the moved appointment has its own reminder), so a stale job sends nothing.
 */
@Injectable()
@JobHandler(JobName.AppointmentReminder)
export class AppointmentReminderJob implements JobHandlerContract<JobName.AppointmentReminder> {
  private readonly logger = new Logger('Reminders');

  constructor(
    private readonly appointments: AppointmentsRepository,
    private readonly events: DomainEvents,
  ) {}

  async handle(payload: Payload): Promise<{ sent: boolean; reason?: string }> {
    const a = await this.appointments.findById(payload.businessId, payload.appointmentId);
    const reason = !a
      ? 'gone'
      : a.status !== AppointmentStatus.pending && a.status !== AppointmentStatus.confirmed
        ? `status ${a.status}`
        : a.startsAt.getTime() !== new Date(payload.startsAt).getTime()
          ? 'moved'
          : undefined;
    if (reason || !a) {
      this.logger.log(`Reminder for ${payload.appointmentId} skipped: ${reason}`);
      return { sent: false, reason };
    }
    await this.events.emitAndWait('appointment.reminder_due', { ...toEventPayload(a), offsetMinutes: payload.offsetMinutes });
    return { sent: true };
  }
}
