import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAuth, CurrentBusiness, Roles } from '../../common/auth/auth.decorators';
import { Role } from '../../common/auth/role';
import { ProblemDetails } from '../../common/problem/problem-details';
import { Activity } from '../activity/activity.decorator';
import { BookingSettingsService } from './booking-settings.service';
import { BookingSettingsDto, UpdateBookingSettingsDto } from './dto/booking-settings.dto';

@ApiTags('booking-settings')
@ApiAuth()
@Controller('booking-settings')
export class BookingSettingsController {
  constructor(private readonly settings: BookingSettingsService) {}

  @Get()
  @ApiOperation({ summary: "The business's booking rules (defaults when never set)" })
  @ApiOkResponse({ type: BookingSettingsDto })
  get(@CurrentBusiness() businessId: string): Promise<BookingSettingsDto> {
    return this.settings.get(businessId);
  }

  @Put()
  @Roles(Role.owner, Role.admin)
  @Activity('booking_settings.update', 'booking_settings')
  @ApiOperation({ summary: 'Replace the booking rules (omitted fields return to their defaults)' })
  @ApiOkResponse({ type: BookingSettingsDto })
  @ApiBadRequestResponse({ type: ProblemDetails })
  replace(@CurrentBusiness() businessId: string, @Body() dto: UpdateBookingSettingsDto): Promise<BookingSettingsDto> {
    return this.settings.replace(businessId, dto);
  }
}
