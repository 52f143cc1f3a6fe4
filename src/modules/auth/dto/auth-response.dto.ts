import { ApiProperty } from '@nestjs/swagger';
import { Role } from '../../../common/auth/role';

export class TokenPairDto {
  @ApiProperty({ description: 'JWT for the Authorization: Bearer header' })
  accessToken: string;

  @ApiProperty({ type: 'integer', description: 'Seconds until the access token expires', example: 900 })
  expiresIn: number;

  @ApiProperty({ description: 'Opaque token for POST /api/auth/refresh; rotates on every use' })
  refreshToken: string;

  @ApiProperty({ example: 'Bearer' })
  tokenType: 'Bearer';
}

export class UserDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'dana@example.co.il' })
  email: string;

  @ApiProperty({ example: 'דנה לוי' })
  name: string;

  @ApiProperty()
  isPlatformAdmin: boolean;

  @ApiProperty({
    type: Boolean,
    description: 'Whether the user followed a verification link sent to `email` (unverified accounts work, marked)',
  })
  emailVerified: boolean;
}

export class MembershipSummaryDto {
  @ApiProperty({ format: 'uuid' })
  businessId: string;

  @ApiProperty({ example: 'סטודיו דנה' })
  businessName: string;

  @ApiProperty({ enum: Role })
  role: Role;
}

export class SessionDto extends TokenPairDto {
  @ApiProperty({ type: UserDto })
  user: UserDto;

  @ApiProperty({ format: 'uuid', description: 'The business this session acts for' })
  businessId: string;
}

export class MeDto {
  @ApiProperty({ enum: ['user', 'api_key'] })
  kind: 'user' | 'api_key';

  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'דנה לוי' })
  name: string;

  @ApiProperty({ required: false })
  email?: string;

  @ApiProperty({ format: 'uuid' })
  businessId: string;

  @ApiProperty({ enum: Role })
  role: Role;

  @ApiProperty()
  isPlatformAdmin: boolean;

  @ApiProperty({ type: Boolean, required: false, description: 'Users only: whether they verified their email address' })
  emailVerified?: boolean;
}

/** One business the signed-in user is an active member of. */
export class UserMembershipDto {
  @ApiProperty({ format: 'uuid', description: 'The business id, for `X-Business-Id` (or `businessId` at login)' })
  businessId: string;

  @ApiProperty({ example: 'סטודיו דנה' })
  businessName: string;

  @ApiProperty({ enum: Role, description: "The user's role in that business" })
  role: Role;

  @ApiProperty({ description: 'Whether this request acts for that business' })
  current: boolean;
}

/** The businesses of the signed-in user, oldest membership first. */
export class MembershipListDto {
  @ApiProperty({ type: [UserMembershipDto] })
  data: UserMembershipDto[];
}

/** The answer of a request that sends an account mail: the same whether or not a mail went. */
export class AccountMailAcceptedDto {
  @ApiProperty({ type: String, example: 'If an account uses this address, a link to choose a new password is on its way' })
  message: string;
}
