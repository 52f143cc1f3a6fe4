import { Controller, Get, Header, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import type { Response } from 'express';
import { Public } from '../../common/auth/auth.decorators';
import { ProblemDetails } from '../../common/problem/problem-details';
import { PIXEL_GIF } from './campaign-links';
import { CampaignTrackingService } from './campaign-tracking.service';

export class TrackedClickQueryDto {
  @ApiPropertyOptional({ maxLength: 4000, description: 'The link as written in the message (signed with it)' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  u?: string;
}

/** The open pixel and click redirect of campaign emails (only when the campaign turned tracking on; off by default). */
@ApiTags('public: campaigns')
@Public()
@Controller('public/campaigns')
export class CampaignTrackingController {
  constructor(private readonly tracking: CampaignTrackingService) {}

  @Get('open/:messageId/:signature')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'The open pixel of a campaign email: records its first open' })
  @ApiProduces('image/gif')
  @ApiOkResponse({ description: 'A 1×1 transparent GIF', schema: { type: 'string', format: 'binary' } })
  @ApiBadRequestResponse({ type: ProblemDetails })
  @ApiNotFoundResponse({ type: ProblemDetails, description: 'Not a link we wrote' })
  async open(
    @Param('messageId', ParseUUIDPipe) messageId: string,
    @Param('signature') signature: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<Buffer> {
    await this.tracking.open(messageId, signature);
    res.type('image/gif');
    return PIXEL_GIF;
  }

  @Get('click/:messageId/:signature')
  @ApiOperation({
    summary:
      'A tracked link of a campaign email: records the first click, then redirects to the link (only one we signed for this message)',
  })
  @ApiResponse({ status: 302, description: 'To the link', headers: { Location: { schema: { type: 'string', format: 'uri' } } } })
  @ApiBadRequestResponse({ type: ProblemDetails })
  @ApiNotFoundResponse({ type: ProblemDetails, description: 'Not a link we wrote (another URL, another message, a bad signature)' })
  async click(
    @Param('messageId', ParseUUIDPipe) messageId: string,
    @Param('signature') signature: string,
    @Query() query: TrackedClickQueryDto,
    @Res() res: Response,
  ): Promise<void> {
    const target = await this.tracking.click(messageId, signature, query.u);
    res.status(302).location(target).end();
  }
}
