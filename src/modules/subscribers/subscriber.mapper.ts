import type { Subscriber } from './entities/subscriber.entity';
import type { SubscriberDto } from './dto/subscriber.dto';

export const toSubscriberDto = (s: Subscriber): SubscriberDto => ({
  id: s.id,
  email: s.email,
  phone: s.phone,
  name: s.name,
  lists: s.lists,
  emailStatus: s.emailStatus,
  emailConsentAt: s.emailConsentAt,
  emailUnsubscribedAt: s.emailUnsubscribedAt,
  smsStatus: s.smsStatus,
  smsConsentAt: s.smsConsentAt,
  smsUnsubscribedAt: s.smsUnsubscribedAt,
  consentIp: s.consentIp,
  consentSource: s.consentSource,
  customerId: s.customerId,
  createdAt: s.createdAt,
  updatedAt: s.updatedAt,
});
