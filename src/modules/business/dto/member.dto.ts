import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsEnum, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { Role } from '../../../common/auth/role';
import { MembershipStatus } from '../entities/membership.entity';
import { NormalizeEmail } from '../../../common/validation/transforms';

export class MemberDto {
  @ApiProperty({ format: 'uuid', description: 'The membership id' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  userId: string;

  @ApiProperty({ example: 'yossi@example.co.il' })
  email: string;

  @ApiProperty({ example: 'יוסי כהן' })
  name: string;

  @ApiProperty({ enum: Role })
  role: Role;

  @ApiProperty({ enum: MembershipStatus })
  status: MembershipStatus;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: Date;
}

export class InvitedMemberDto extends MemberDto {
  @ApiPropertyOptional({ description: 'Link for the invitee to set a password (new users only; shown once)' })
  inviteUrl?: string;

  @ApiPropertyOptional({ description: 'The invitation token inside inviteUrl, for POST /api/auth/accept-invite' })
  inviteToken?: string;
}

export class InviteMemberDto {
  @ApiProperty({ example: 'yossi@example.co.il' })
  @NormalizeEmail()
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiPropertyOptional({ example: 'יוסי כהן' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  name?: string;

  @ApiProperty({ enum: Role })
  @IsEnum(Role)
  role: Role;
}

export class UpdateMemberDto {
  @ApiProperty({ enum: Role })
  @IsEnum(Role)
  role: Role;
}
