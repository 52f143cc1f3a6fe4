import type { CustomerActivityDto, CustomerDto } from './dto/customer-response.dto';
import type { Customer } from './entities/customer.entity';

export const toCustomerDto = (c: Customer): CustomerDto => ({
  id: c.id,
  firstName: c.firstName,
  lastName: c.lastName,
  email: c.email,
  phone: c.phone,
  tags: c.tags,
  notes: c.notes,
  address: c.address,
  birthday: c.birthday,
  source: c.source,
  language: c.language,
  marketingConsent: {
    email: { granted: c.emailConsent, at: c.emailConsentAt, source: c.emailConsentSource },
    sms: { granted: c.smsConsent, at: c.smsConsentAt, source: c.smsConsentSource },
  },
  customFields: c.customFields,
  archived: c.archivedAt !== null,
  archivedAt: c.archivedAt,
  totalSpendAgorot: c.totalSpendAgorot,
  currency: 'ILS',
  visitCount: c.visitCount,
  lastActivityAt: c.lastActivityAt,
  createdAt: c.createdAt,
  updatedAt: c.updatedAt,
});

export const toCustomerActivityDto = (c: Customer): CustomerActivityDto => ({
  id: c.id,
  firstName: c.firstName,
  lastName: c.lastName,
  email: c.email,
  phone: c.phone,
  tags: c.tags,
  archived: c.archivedAt !== null,
  spendAgorot: c.totalSpendAgorot,
  currency: 'ILS',
  visits: c.visitCount,
  lastActivityAt: c.lastActivityAt,
  createdAt: c.createdAt,
});
