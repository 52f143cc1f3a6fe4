import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsAcceptablePassword } from './password.rules';
import { NormalizeEmail } from '../../../common/validation/transforms';

export class RegisterDto {
  @ApiProperty({ example: 'dana@example.co.il' })
  @NormalizeEmail()
  @IsEmail()
  @MaxLength(254)
  email: string;

  @IsAcceptablePassword()
  password: string;

  @ApiProperty({ example: 'דנה לוי' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  name: string;

  @ApiProperty({ example: 'סטודיו דנה' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(160)
  businessName: string;
}

export class LoginDto {
  @ApiProperty({ example: 'dana@example.co.il' })
  @NormalizeEmail()
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'Sh4lom-Olam-2026' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  password: string;

  @ApiPropertyOptional({ description: 'Log in to this business (default: the first one joined)', format: 'uuid' })
  @IsOptional()
  @IsUUID()
  businessId?: string;
}

export class RefreshDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  refreshToken: string;
}

export class AcceptInviteDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  token: string;

  @IsAcceptablePassword()
  password: string;

  @ApiPropertyOptional({ example: 'יוסי כהן' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  name?: string;
}
