import { ApiProperty } from '@nestjs/swagger';
import { IsEnum, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { Role } from '../../../common/auth/role';

export class CreateApiKeyDto {
  @ApiProperty({ example: 'אתר הזמנות' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  name: string;

  @ApiProperty({ enum: [Role.admin, Role.staff], description: 'The role the key acts with (never owner)' })
  @IsEnum([Role.admin, Role.staff], { message: 'role must be admin or staff' })
  role: Role;
}

export class ApiKeyDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'אתר הזמנות' })
  name: string;

  @ApiProperty({ example: 'cg_1a2b3c4d', description: 'The visible start of the key' })
  prefix: string;

  @ApiProperty({ enum: Role })
  role: Role;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  lastUsedAt: Date | null;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: Date;
}

export class CreatedApiKeyDto extends ApiKeyDto {
  @ApiProperty({ description: 'The secret key. Shown once: store it now.', example: 'cg_1a2b3c4d_3q2-7wE…' })
  key: string;
}
