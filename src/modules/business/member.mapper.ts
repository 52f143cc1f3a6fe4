import type { MemberDto } from './dto/member.dto';
import type { Membership } from './entities/membership.entity';

export const toMemberDto = (m: Membership): MemberDto => ({
  id: m.id,
  userId: m.userId,
  email: m.user?.email ?? '',
  name: m.user?.name ?? '',
  role: m.role,
  status: m.status,
  createdAt: m.createdAt,
});
