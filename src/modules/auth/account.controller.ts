import { Body, Controller, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Request } from 'express';
import type { Actor } from '../../common/auth/actor';
import { ApiAuth, CurrentActor, Public } from '../../common/auth/auth.decorators';
import { clientIp } from '../../common/http/client-ip';
import { PublicFormThrottle } from '../../common/http/public-throttle';
import { ProblemDetails } from '../../common/problem/problem-details';
import { Activity } from '../activity/activity.decorator';
import { AccountService } from './account.service';
import { AccountLinkDto, ChangeEmailDto, ChangePasswordDto, ForgotPasswordDto, ResetPasswordDto } from './dto/account.dto';
import { AccountMailAcceptedDto, TokenPairDto, UserDto } from './dto/auth-response.dto';
import { AccountThrottleGuard } from './guards/account-throttle.guard';

const INVALID_LINK = 'The link is forged, altered, expired (`auth.link_expired`) or already used (`auth.invalid_link`)';
const THROTTLED = 'Too many requests from this IP, for this address or by this user (ACCOUNT_RATE_LIMIT_*): see Retry-After';

const accepted = (message: string): AccountMailAcceptedDto => ({ message });

/**
 * Account mails and changes: forgotten password, email verification, password
 * and email changes. Link routes are public (the token is the credential);
 * the others need a user's session.
 */
@ApiTags('auth')
@Controller('auth')
export class AccountController {
  constructor(private readonly account: AccountService) {}

  @Public()
  @Post('forgot-password')
  @HttpCode(202)
  @UseGuards(AccountThrottleGuard)
  @ApiOperation({
    summary: 'Mail a password-reset link (PASSWORD_RESET_TTL, single use)',
    description: 'Always 202 with the same body, whether or not an account uses the address: nothing about accounts is revealed.',
  })
  @ApiAcceptedResponse({ type: AccountMailAcceptedDto })
  @ApiTooManyRequestsResponse({ type: ProblemDetails, description: THROTTLED })
  async forgotPassword(@Body() dto: ForgotPasswordDto): Promise<AccountMailAcceptedDto> {
    await this.account.forgotPassword(dto.email);
    return accepted('If an account uses this address, a link to choose a new password is on its way');
  }

  @Public()
  @Post('reset-password')
  @HttpCode(204)
  @PublicFormThrottle()
  @ApiOperation({ summary: 'Choose a new password with the link of a reset mail; every session of the user ends' })
  @ApiNoContentResponse({ description: 'The password is set (and the address counts as verified); log in with it' })
  @ApiBadRequestResponse({ type: ProblemDetails, description: 'The password does not follow the rules of registration' })
  @ApiUnauthorizedResponse({ type: ProblemDetails, description: INVALID_LINK })
  async resetPassword(@Body() dto: ResetPasswordDto): Promise<void> {
    await this.account.resetPassword(dto.token, dto.password);
  }

  @Public()
  @Post('verify-email')
  @HttpCode(204)
  @PublicFormThrottle()
  @ApiOperation({ summary: 'Verify the email address with the link of a verification mail (following it again changes nothing)' })
  @ApiNoContentResponse({ description: 'The address is verified' })
  @ApiUnauthorizedResponse({ type: ProblemDetails, description: `${INVALID_LINK}, or the address changed since` })
  async verifyEmail(@Body() dto: AccountLinkDto): Promise<void> {
    await this.account.verifyEmail(dto.token);
  }

  @Post('resend-verification')
  @HttpCode(202)
  @ApiAuth()
  @UseGuards(AccountThrottleGuard)
  @Activity('auth.resend_verification', 'user')
  @ApiOperation({ summary: 'Mail a new verification link to the signed-in user (EMAIL_CONFIRMATION_TTL)' })
  @ApiAcceptedResponse({ type: AccountMailAcceptedDto })
  @ApiForbiddenResponse({ type: ProblemDetails, description: 'An API key: only a user can do this' })
  @ApiConflictResponse({ type: ProblemDetails, description: 'The address is already verified' })
  @ApiTooManyRequestsResponse({ type: ProblemDetails, description: THROTTLED })
  async resendVerification(@CurrentActor() actor: Actor): Promise<AccountMailAcceptedDto> {
    await this.account.resendVerification(actor);
    return accepted('A verification link is on its way');
  }

  @Post('change-password')
  @HttpCode(200)
  @ApiAuth()
  @UseGuards(AccountThrottleGuard)
  @Activity('auth.change_password', 'user')
  @ApiOperation({
    summary: 'Change the password: every session of the user ends (all devices, all businesses); this caller gets a new one',
  })
  @ApiOkResponse({ type: TokenPairDto, description: 'A new session for the caller, in the business of the request' })
  @ApiBadRequestResponse({ type: ProblemDetails, description: 'The new password does not follow the rules of registration' })
  @ApiForbiddenResponse({ type: ProblemDetails, description: 'The current password is wrong (`auth.wrong_password`), or an API key' })
  @ApiConflictResponse({ type: ProblemDetails, description: 'The password was changed by another request meanwhile' })
  @ApiTooManyRequestsResponse({ type: ProblemDetails, description: THROTTLED })
  changePassword(@CurrentActor() actor: Actor, @Body() dto: ChangePasswordDto, @Req() req: Request): Promise<TokenPairDto> {
    return this.account.changePassword(actor, dto.currentPassword, dto.newPassword, {
      userAgent: req.header('user-agent'),
      ip: clientIp(req),
    });
  }

  @Post('change-email')
  @HttpCode(202)
  @ApiAuth()
  @UseGuards(AccountThrottleGuard)
  @Activity('auth.change_email_request', 'user')
  @ApiOperation({
    summary: 'Ask to change the email address: a confirmation link goes to the new address; nothing changes until it is followed',
  })
  @ApiAcceptedResponse({ type: AccountMailAcceptedDto })
  @ApiBadRequestResponse({ type: ProblemDetails, description: 'The new address is invalid or the current one' })
  @ApiForbiddenResponse({ type: ProblemDetails, description: 'The current password is wrong (`auth.wrong_password`), or an API key' })
  @ApiConflictResponse({ type: ProblemDetails, description: 'Another account uses the new address' })
  @ApiTooManyRequestsResponse({ type: ProblemDetails, description: THROTTLED })
  async changeEmail(@CurrentActor() actor: Actor, @Body() dto: ChangeEmailDto): Promise<AccountMailAcceptedDto> {
    await this.account.requestEmailChange(actor, dto.currentPassword, dto.newEmail);
    return accepted('A link to confirm the new address is on its way to it');
  }

  @Public()
  @Post('confirm-email-change')
  @HttpCode(200)
  @PublicFormThrottle()
  @ApiOperation({ summary: 'Apply an email change with the link sent to the new address (it becomes the login, verified)' })
  @ApiOkResponse({ type: UserDto })
  @ApiUnauthorizedResponse({ type: ProblemDetails, description: `${INVALID_LINK}, or the password or address changed since` })
  @ApiConflictResponse({ type: ProblemDetails, description: 'Another account took the new address meanwhile' })
  confirmEmailChange(@Body() dto: AccountLinkDto): Promise<UserDto> {
    return this.account.confirmEmailChange(dto.token);
  }
}
