import type { User } from '../users/entities/user.entity';
import type { UserDto } from './dto/auth-response.dto';

export const toUserDto = (u: User): UserDto => ({
  id: u.id,
  email: u.email,
  name: u.name,
  isPlatformAdmin: u.isPlatformAdmin,
  emailVerified: u.emailVerifiedAt !== null,
});
