/** What the payments module asks of something a payment pays for (an appointment, an event registration). */
export interface PayableRecord {
  customerId: string;
  cancelled: boolean;
  paid: boolean;
}
