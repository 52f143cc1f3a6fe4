import { Throttle } from '@nestjs/throttler';

/** Public forms (subscribe, register): 10 requests a minute per caller address and route, tighter than the API-wide limit. */
export const PUBLIC_FORM_LIMIT = { limit: 10, ttl: 60_000 };

/** Public pages and links (catalogue, slots, self-service, calendar feeds): 120 requests a minute per caller address and route. */
export const PUBLIC_READ_LIMIT = { limit: 120, ttl: 60_000 };

export const PublicFormThrottle = () => Throttle({ default: PUBLIC_FORM_LIMIT });

export const PublicReadThrottle = () => Throttle({ default: PUBLIC_READ_LIMIT });
