import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { NormalizeEmail } from '../../../common/validation/transforms';
import { IsAcceptablePassword } from './password.rules';

/** The token of a link from an account mail (the `token` query parameter of the page it opens). */
const LinkToken = () =>
  ApiProperty({ type: String, maxLength: 2000, description: 'The `token` of the link in the mail', example: 'eyJhbGciOiJIUzI1NiIs…' });

export class ForgotPasswordDto {
  @ApiProperty({ type: String, maxLength: 254, example: 'dana@example.co.il' })
  @NormalizeEmail()
  @IsEmail()
  @MaxLength(254)
  email: string;
}

export class ResetPasswordDto {
  @LinkToken()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  token: string;

  /** The same rules as at registration. */
  @IsAcceptablePassword()
  password: string;
}

/** The link of a verification or an email-change mail. */
export class AccountLinkDto {
  @LinkToken()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  token: string;
}

export class ChangePasswordDto {
  @ApiProperty({ type: String, maxLength: 200, example: 'Sh4lom-Olam-2026' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  currentPassword: string;

  @IsAcceptablePassword()
  newPassword: string;
}

export class ChangeEmailDto {
  @ApiProperty({ type: String, maxLength: 200, example: 'Sh4lom-Olam-2026', description: 'The current password, to confirm it is you' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  currentPassword: string;

  @ApiProperty({ type: String, maxLength: 254, example: 'dana.levi@example.co.il' })
  @NormalizeEmail()
  @IsEmail()
  @MaxLength(254)
  newEmail: string;
}
