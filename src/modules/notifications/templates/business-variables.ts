import { nationalPhone } from '../../../common/phone/phone';
import type { Business } from '../../../common/tenancy/business.entity';

/** The business variables every template has, from the business itself (the phone written as Israelis read it). */
export function businessVariables(business: Pick<Business, 'name' | 'phone' | 'email'>): { business: Record<string, string> } {
  const values: Record<string, string> = { name: business.name };
  if (business.phone) values.phone = nationalPhone(business.phone);
  if (business.email) values.email = business.email;
  return { business: values };
}
