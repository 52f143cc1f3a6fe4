import { Body, Controller, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { escapeHtml } from '../../common/text/html';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiConsumes,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../../common/auth/auth.decorators';
import { clientIp } from '../../common/http/client-ip';
import { PublicFormThrottle } from '../../common/http/public-throttle';
import { ProblemDetails } from '../../common/problem/problem-details';
import { OneClickUnsubscribeDto, PublicSubscribeDto, PublicSubscribeResultDto, SubscriptionStateDto } from './dto/public-subscription.dto';
import { SubscriberChannel, SubscriptionStatus } from './entities/subscriber.entity';
import { PublicSubscriptionsService } from './public-subscriptions.service';

/** A person clicking the link in a mail client gets a page; API callers get JSON. */
function answer(req: Request, res: Response, state: SubscriptionStateDto): void {
  if (req.accepts(['json', 'html']) !== 'html') {
    res.json(state);
    return;
  }
  const business = escapeHtml(state.businessName);
  const channel = state.channel === SubscriberChannel.email ? 'בדוא"ל' : 'במסרונים';
  const line =
    state.status === SubscriptionStatus.unsubscribed
      ? `הוסרתם מרשימת הדיוור של ${business}. לא יישלחו אליכם עוד הודעות שיווקיות ${channel}.`
      : `ההרשמה לרשימת הדיוור של ${business} אושרה. תודה!`;
  res
    .type('html')
    .send(
      `<!doctype html><html lang="he" dir="rtl"><head><meta charset="utf-8"><title>${business}</title></head><body style="font-family:Arial,sans-serif;margin:3em"><p>${line}</p></body></html>`,
    );
}

@ApiTags('public: subscriptions')
@Public()
@Controller('public')
export class PublicSubscriptionsController {
  constructor(private readonly subscriptions: PublicSubscriptionsService) {}

  @Post(':businessSlug/subscribe')
  @HttpCode(202)
  @PublicFormThrottle()
  @ApiOperation({ summary: "Join a business's marketing list (email: a confirmation link is sent; SMS: subscribed at once)" })
  @ApiAcceptedResponse({ type: PublicSubscribeResultDto })
  @ApiBadRequestResponse({ type: ProblemDetails })
  @ApiNotFoundResponse({ description: 'No business with this slug', type: ProblemDetails })
  @ApiTooManyRequestsResponse({ type: ProblemDetails })
  subscribe(@Param('businessSlug') slug: string, @Body() dto: PublicSubscribeDto, @Req() req: Request): Promise<PublicSubscribeResultDto> {
    return this.subscriptions.subscribe(slug, dto, clientIp(req));
  }

  @Get('subscriptions/confirm/:token')
  @ApiOperation({ summary: 'Confirm an email subscription (the double opt-in link)' })
  @ApiProduces('application/json', 'text/html')
  @ApiOkResponse({ type: SubscriptionStateDto })
  @ApiBadRequestResponse({ description: 'The link has expired', type: ProblemDetails })
  @ApiNotFoundResponse({ description: 'The link is not valid', type: ProblemDetails })
  @ApiConflictResponse({ description: 'The address unsubscribed after the link was sent', type: ProblemDetails })
  async confirm(@Param('token') token: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    answer(req, res, await this.subscriptions.confirm(token, clientIp(req)));
  }

  @Get('unsubscribe/:token')
  @ApiOperation({ summary: 'Unsubscribe (the link in every message; idempotent, no login)' })
  @ApiProduces('application/json', 'text/html')
  @ApiOkResponse({ type: SubscriptionStateDto })
  @ApiNotFoundResponse({ description: 'The link is not valid', type: ProblemDetails })
  async unsubscribeByLink(@Param('token') token: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    answer(req, res, await this.subscriptions.unsubscribe(token, clientIp(req)));
  }

  @Post('unsubscribe/:token')
  @HttpCode(200)
  @ApiOperation({ summary: 'One-click unsubscribe (RFC 8058: mail clients POST `List-Unsubscribe=One-Click`)' })
  @ApiConsumes('multipart/form-data', 'application/x-www-form-urlencoded', 'application/json')
  @ApiOkResponse({ type: SubscriptionStateDto })
  @ApiNotFoundResponse({ description: 'The link is not valid', type: ProblemDetails })
  unsubscribeOneClick(
    @Param('token') token: string,
    @Body() _body: OneClickUnsubscribeDto,
    @Req() req: Request,
  ): Promise<SubscriptionStateDto> {
    return this.subscriptions.unsubscribe(token, clientIp(req));
  }
}
