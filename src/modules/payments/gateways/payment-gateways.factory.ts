import { HttpStatus } from '@nestjs/common';
import { AppException } from '../../../common/problem/app.exception';
import { unknownDriver } from '../../../infra/config/driver-choices';
import { PaymentProvider } from '../../../infra/config/env.schema';
import type { PaymentGateway, PaymentGateways } from './payment-gateway.port';

/** A provider whose driver is not built yet: choosing it is allowed, using it answers 422. */
class UnavailableGateway implements PaymentGateway {
  constructor(private readonly provider: PaymentProvider) {}
  private refuse(): never {
    throw new AppException(
      HttpStatus.UNPROCESSABLE_ENTITY,
      'payment.provider_unavailable',
      `Payments through ${this.provider} are not available yet; choose sandbox in the payment settings`,
    );
  }
  createPage(): never {
    return this.refuse();
  }
  query(): never {
    return this.refuse();
  }
  acknowledge(): never {
    return this.refuse();
  }
  refund(): never {
    return this.refuse();
  }
  checkCredentials(): never {
    return this.refuse();
  }
  parseNotification(): null {
    return null;
  }
}

/**
 * The drivers, one per provider, behind PAYMENT_GATEWAYS. Each business's
 * settings choose among them; PAYMENT_PROVIDER must name one (checked at boot).
 */
export function createPaymentGateways(
  defaultProvider: PaymentProvider,
  built: Partial<Record<PaymentProvider, PaymentGateway>>,
): PaymentGateways {
  const drivers = new Map<PaymentProvider, PaymentGateway>(
    Object.values(PaymentProvider).map((p) => [p, built[p] ?? new UnavailableGateway(p)]),
  );
  if (!drivers.has(defaultProvider)) throw unknownDriver('PAYMENT_PROVIDER', defaultProvider, PaymentProvider);
  return {
    for(provider: PaymentProvider): PaymentGateway {
      const driver = drivers.get(provider);
      if (!driver) throw unknownDriver('PAYMENT_PROVIDER', provider, PaymentProvider);
      return driver;
    },
  };
}
