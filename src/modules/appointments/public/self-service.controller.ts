import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { PublicReadThrottle } from '../../../common/http/public-throttle';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { Public } from '../../../common/auth/auth.decorators';
import { ProblemDetails } from '../../../common/problem/problem-details';
import { PublicCancelDto, PublicRescheduleDto, SelfServiceViewDto } from '../dto/public.dto';
import { SelfServiceService } from './self-service.service';

@ApiTags('public: booking')
@Public()
@PublicReadThrottle()
@ApiUnauthorizedResponse({ type: ProblemDetails, description: 'The link is forged, altered or expired' })
@ApiNotFoundResponse({ type: ProblemDetails, description: 'The appointment no longer exists' })
@Controller('public/appointments/:token')
export class SelfServiceController {
  constructor(private readonly selfService: SelfServiceService) {}

  @Get()
  @ApiOperation({ summary: 'The appointment behind a self-service link' })
  @ApiOkResponse({ type: SelfServiceViewDto })
  view(@Param('token') token: string): Promise<SelfServiceViewDto> {
    return this.selfService.view(token);
  }

  @Post('cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel, until the cancellation window closes' })
  @ApiOkResponse({ type: SelfServiceViewDto })
  @ApiConflictResponse({ type: ProblemDetails, description: 'Too late to change online, or already cancelled' })
  cancel(@Param('token') token: string, @Body() dto: PublicCancelDto): Promise<SelfServiceViewDto> {
    return this.selfService.cancel(token, dto.reason);
  }

  @Post('reschedule')
  @HttpCode(200)
  @ApiOperation({ summary: 'Move to another offered slot, until the cancellation window closes (answers a fresh link)' })
  @ApiOkResponse({ type: SelfServiceViewDto })
  @ApiConflictResponse({ type: ProblemDetails, description: 'Too late, or the time is not free' })
  reschedule(@Param('token') token: string, @Body() dto: PublicRescheduleDto): Promise<SelfServiceViewDto> {
    return this.selfService.reschedule(token, dto.startsAt);
  }
}
