import { CustomerAmbiguousException } from './customers.exception';
import type { NewCustomerDto } from './dto/new-customer.dto';

/** The customer a request is for: an existing one by id, or one matched or created from contact details. */
export type CustomerChoice = { customerId: string } | { customer: NewCustomerDto };

/**
 * Reads a request that names its customer as `customerId` or `customer`
 * (bookings, registrations); `flat` is the new customer as the deprecated flat
 * fields of a registration gave it. Naming the customer more than one way is
 * refused, whichever two ways it is.
 */
export function chooseCustomer(request: { customerId?: string; customer?: NewCustomerDto }, flat?: NewCustomerDto): CustomerChoice {
  const given = [request.customerId, request.customer, flat].filter((way) => way !== undefined);
  if (given.length > 1) throw new CustomerAmbiguousException();
  if (request.customerId !== undefined) return { customerId: request.customerId };
  const customer = request.customer ?? flat;
  // Validation requires one of them; reaching here without is a route that skipped it.
  if (!customer) throw new Error('the request names no customer');
  return { customer };
}
