/**
 * Which logged message a provider carries, so its delivery reports (webhooks)
 * find the message without searching every business: the business, the
 * message, and the sending attempt (a late report of an earlier attempt is
 * recognised as such).
 */
export interface DeliveryReference {
  businessId: string;
  messageId: string;
  /** 1 for the first attempt; a retry sends the message again as the next. */
  attempt: number;
}
