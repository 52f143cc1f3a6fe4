import type { Role } from './role';

/** Who is making the request, resolved once by the auth guard. */
export interface Actor {
  kind: 'user' | 'api_key';
  /** The user's id, or the API key's id. */
  id: string;
  /** The business the request acts for. */
  businessId: string;
  role: Role;
  /** Display name: the user's name, or the API key's name. */
  name: string;
  email?: string;
  isPlatformAdmin: boolean;
  /** Users only: whether they verified their email address. */
  emailVerified?: boolean;
}

declare module 'express-serve-static-core' {
  interface Request {
    actor?: Actor;
  }
}
