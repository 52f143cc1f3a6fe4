import type { BusinessDto } from './dto/business.dto';
import type { Business } from '../../common/tenancy/business.entity';

export const toBusinessDto = (b: Business): BusinessDto => ({
  id: b.id,
  name: b.name,
  slug: b.slug,
  legalName: b.legalName,
  taxId: b.taxId,
  vatStatus: b.vatStatus,
  address: b.address,
  phone: b.phone,
  email: b.email,
  timeZone: b.timezone,
  locale: b.locale,
  currency: b.currency,
  createdAt: b.createdAt,
});
