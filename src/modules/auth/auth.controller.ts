import { Body, Controller, Get, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiForbiddenResponse,
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
import { ProblemDetails } from '../../common/problem/problem-details';
import { ActivityService } from '../activity/activity.service';
import { AuthService } from './auth.service';
import { AcceptInviteDto, LoginDto, RefreshDto, RegisterDto } from './dto/auth.dto';
import { MembershipListDto, MeDto, SessionDto, TokenPairDto } from './dto/auth-response.dto';
import { LoginThrottleGuard } from './guards/login-throttle.guard';
import type { SessionContext } from './token.service';

const sessionContext = (req: Request): SessionContext => ({ userAgent: req.header('user-agent'), ip: clientIp(req) });

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly activity: ActivityService,
  ) {}

  @Public()
  @Post('register')
  @ApiOperation({ summary: 'Register a provider: a user, their business (they own it) and a session' })
  @ApiCreatedResponse({ type: SessionDto })
  @ApiBadRequestResponse({ type: ProblemDetails })
  @ApiConflictResponse({ type: ProblemDetails, description: 'The email is taken' })
  async register(@Body() dto: RegisterDto, @Req() req: Request): Promise<SessionDto> {
    const session = await this.auth.register(dto, sessionContext(req));
    await this.recordSession(req, session, 'auth.register');
    return session;
  }

  @Public()
  @Post('login')
  @HttpCode(200)
  @UseGuards(LoginThrottleGuard)
  @ApiOperation({ summary: 'Log in with email and password' })
  @ApiOkResponse({ type: SessionDto })
  @ApiUnauthorizedResponse({ type: ProblemDetails, description: 'Wrong email or password (one message for both)' })
  @ApiForbiddenResponse({ type: ProblemDetails, description: 'Not a member of the business given as businessId' })
  @ApiTooManyRequestsResponse({ type: ProblemDetails, description: 'Too many attempts from this IP or for this email' })
  async login(@Body() dto: LoginDto, @Req() req: Request): Promise<SessionDto> {
    const session = await this.auth.login(dto, sessionContext(req));
    await this.recordSession(req, session, 'auth.login');
    return session;
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  @ApiOperation({ summary: 'Exchange a refresh token for a new pair (the old one stops working)' })
  @ApiOkResponse({ type: TokenPairDto })
  @ApiUnauthorizedResponse({ type: ProblemDetails, description: 'Invalid, expired, or reused (the session is then ended)' })
  refresh(@Body() dto: RefreshDto, @Req() req: Request): Promise<TokenPairDto> {
    return this.auth.refresh(dto.refreshToken, sessionContext(req));
  }

  @Public()
  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'End the session of a refresh token' })
  @ApiNoContentResponse()
  async logout(@Body() dto: RefreshDto): Promise<void> {
    await this.auth.logout(dto.refreshToken);
  }

  @Public()
  @Post('accept-invite')
  @HttpCode(200)
  @ApiOperation({ summary: 'Accept a staff invitation: set a password and start a session' })
  @ApiOkResponse({ type: SessionDto })
  @ApiUnauthorizedResponse({ type: ProblemDetails })
  async acceptInvite(@Body() dto: AcceptInviteDto, @Req() req: Request): Promise<SessionDto> {
    const session = await this.auth.acceptInvite(dto, sessionContext(req));
    await this.recordSession(req, session, 'member.accept_invite');
    return session;
  }

  @Get('me')
  @ApiAuth()
  @ApiOperation({ summary: 'Who the credentials belong to, and in which business' })
  @ApiOkResponse({ type: MeDto })
  me(@CurrentActor() actor: Actor): MeDto {
    return {
      kind: actor.kind,
      id: actor.id,
      name: actor.name,
      email: actor.email,
      businessId: actor.businessId,
      role: actor.role,
      isPlatformAdmin: actor.isPlatformAdmin,
      emailVerified: actor.emailVerified,
    };
  }

  @Get('memberships')
  @ApiAuth()
  @ApiOperation({
    summary:
      "The businesses the signed-in user is an active member of, with each business's name and the user's role (a business switcher)",
  })
  @ApiOkResponse({ type: MembershipListDto })
  @ApiForbiddenResponse({ type: ProblemDetails, description: 'An API key: it belongs to one business, and only a user has memberships' })
  async memberships(@CurrentActor() actor: Actor): Promise<MembershipListDto> {
    const list = await this.auth.membershipsOf(actor);
    return {
      data: list.map((m) => ({
        businessId: m.businessId,
        businessName: m.businessName,
        role: m.role,
        current: m.businessId === actor.businessId,
      })),
    };
  }

  private recordSession(req: Request, session: SessionDto, action: string): Promise<void> {
    return this.activity.recordQuietly({
      businessId: session.businessId,
      actorType: 'user',
      actorId: session.user.id,
      actorName: session.user.name,
      action,
      entityType: 'user',
      entityId: session.user.id,
      summary: `${session.user.name}: ${action}`,
      ip: clientIp(req),
      requestId: req.id ?? null,
    });
  }
}
