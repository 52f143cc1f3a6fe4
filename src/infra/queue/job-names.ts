/** The queues; each gets its own workers, so slow work cannot starve urgent work. */
export enum QueueName {
  imports = 'imports',
  maintenance = 'maintenance',
  reminders = 'reminders',
  /** One queue per channel, so each has its own rate limit (provider accounts) and a slow channel cannot hold up the other. */
  email = 'email',
  sms = 'sms',
  whatsapp = 'whatsapp',
  /** Verifying gateway notifications and the paid → document → email pipeline. */
  payments = 'payments',
  /** Automation rules: matching events to rules and running their steps. */
  automations = 'automations',
  /** Outbound webhook deliveries: they wait on the receivers' servers. */
  webhooks = 'webhooks',
  /** Campaign fan-out: a batch of recipients at a time (the sends themselves go through the channel queues). */
  campaigns = 'campaigns',
}

/** Every job the system runs. Add a name here, its payload below and one handler class. */
export enum JobName {
  ImportCustomers = 'imports.customers',
  PurgeExpiredRefreshTokens = 'maintenance.purge-expired-refresh-tokens',
  AppointmentReminder = 'appointment.reminder',
  ReconcileAppointmentReminders = 'appointment.reconcile-reminders',
  PurgeIdempotencyKeys = 'appointment.purge-idempotency-keys',
  SendEmail = 'message.send-email',
  SendSms = 'message.send-sms',
  SendWhatsApp = 'message.send-whatsapp',
  VerifyPaymentNotification = 'payment.verify-notification',
  CheckPayment = 'payment.check',
  IssuePaymentDocument = 'payment.issue-document',
  SendPaymentReceipt = 'payment.send-receipt',
  CreditPaymentRefunds = 'payment.credit-refunds',
  SweepPayments = 'payment.sweep',
  AutomationEvent = 'automation.event',
  AutomationStep = 'automation.step',
  SweepAutomations = 'automation.sweep',
  DeliverWebhook = 'webhook.deliver',
  SweepWebhookDeliveries = 'webhook.sweep',
  SendCampaignBatch = 'campaign.send-batch',
  SweepCampaigns = 'campaign.sweep',
}

/** An event for automations to match to rules (automations narrow `trigger` to their trigger types). */
export interface AutomationEventData {
  trigger: string;
  customerId: string;
  /** Unique per occurrence: the same key fires a rule once per customer. */
  eventKey: string;
  tag?: string;
  name?: string;
  /** Values for messages (`{{ data.x }}`). */
  data?: Record<string, unknown>;
  /** The automation run (and chain of rules) whose action caused the event. */
  cause?: { runId: string; ruleIds: string[] } | null;
}

/** Payload of each job. Tenant work carries `businessId`; system jobs carry none. */
export interface JobPayloads {
  /** The CSV and the progress live in `customer_imports`; the payload only names the row. */
  [JobName.ImportCustomers]: { businessId: string; importId: string };
  [JobName.PurgeExpiredRefreshTokens]: Record<string, never>;
  /** Due `offsetMinutes` before `startsAt` (ISO); skipped if the appointment was cancelled or moved since. */
  [JobName.AppointmentReminder]: { businessId: string; appointmentId: string; offsetMinutes: number; startsAt: string };
  [JobName.ReconcileAppointmentReminders]: Record<string, never>;
  [JobName.PurgeIdempotencyKeys]: Record<string, never>;
  /** The message (its id is the job id) lives in the message log. */
  [JobName.SendEmail]: { businessId: string; messageId: string };
  [JobName.SendSms]: { businessId: string; messageId: string };
  [JobName.SendWhatsApp]: { businessId: string; messageId: string };
  /** The notification (filed in the inbox) to verify by asking the gateway. */
  [JobName.VerifyPaymentNotification]: { businessId: string; notificationId: string };
  /** Poll a pending payment, expire it, or resume a paid one's pipeline. */
  [JobName.CheckPayment]: { businessId: string; paymentId: string };
  [JobName.IssuePaymentDocument]: { businessId: string; paymentId: string };
  [JobName.SendPaymentReceipt]: { businessId: string; paymentId: string };
  /** Credit notes for the payment's succeeded refunds that have none yet. */
  [JobName.CreditPaymentRefunds]: { businessId: string; paymentId: string };
  /** Finds the payments whose check is due and queues one CheckPayment each. */
  [JobName.SweepPayments]: Record<string, never>;
  /** An event that may fire the business's rules on its trigger (one job per event; its id derives from the event key). */
  [JobName.AutomationEvent]: { businessId: string; event: AutomationEventData };
  /** Step `index` of a run (job id `automation-step:<runId>:<index>`); a done step is never redone. */
  [JobName.AutomationStep]: { businessId: string; runId: string; index: number };
  /** Re-queues the steps of runs whose job was lost, and fires the scheduled (date) triggers. */
  [JobName.SweepAutomations]: Record<string, never>;
  /** Attempt `attempt` of series `series` (0, then one more per manual redelivery) of one webhook delivery. */
  [JobName.DeliverWebhook]: { businessId: string; deliveryId: string; series: number; attempt: number };
  /** Queues again the pending deliveries whose next attempt is overdue (its job was lost or failed). */
  [JobName.SweepWebhookDeliveries]: Record<string, never>;
  /** The campaign's next batch of recipients: `batch` is the campaign's `batchesDone` when it was queued (a stale batch does nothing). */
  [JobName.SendCampaignBatch]: { businessId: string; campaignId: string; batch: number };
  /** Starts scheduled campaigns that are due and resumes sending ones whose next batch was lost. */
  [JobName.SweepCampaigns]: Record<string, never>;
}

export const JOB_QUEUE: Record<JobName, QueueName> = {
  [JobName.ImportCustomers]: QueueName.imports,
  [JobName.PurgeExpiredRefreshTokens]: QueueName.maintenance,
  [JobName.AppointmentReminder]: QueueName.reminders,
  [JobName.ReconcileAppointmentReminders]: QueueName.reminders,
  [JobName.PurgeIdempotencyKeys]: QueueName.reminders,
  [JobName.SendEmail]: QueueName.email,
  [JobName.SendSms]: QueueName.sms,
  [JobName.SendWhatsApp]: QueueName.whatsapp,
  [JobName.VerifyPaymentNotification]: QueueName.payments,
  [JobName.CheckPayment]: QueueName.payments,
  [JobName.IssuePaymentDocument]: QueueName.payments,
  [JobName.SendPaymentReceipt]: QueueName.payments,
  [JobName.CreditPaymentRefunds]: QueueName.payments,
  [JobName.SweepPayments]: QueueName.payments,
  [JobName.AutomationEvent]: QueueName.automations,
  [JobName.AutomationStep]: QueueName.automations,
  [JobName.SweepAutomations]: QueueName.automations,
  [JobName.DeliverWebhook]: QueueName.webhooks,
  [JobName.SweepWebhookDeliveries]: QueueName.webhooks,
  [JobName.SendCampaignBatch]: QueueName.campaigns,
  [JobName.SweepCampaigns]: QueueName.campaigns,
};
