import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAuth, CurrentBusiness, Roles } from '../../common/auth/auth.decorators';
import { Role } from '../../common/auth/role';
import { ProblemDetails } from '../../common/problem/problem-details';
import { Activity } from '../activity/activity.decorator';
import { BusinessService } from './business.service';
import { BusinessDto, UpdateBusinessDto } from './dto/business.dto';

@ApiTags('business')
@ApiAuth()
@Controller('business')
export class BusinessController {
  constructor(private readonly business: BusinessService) {}

  @Get()
  @ApiOperation({ summary: 'The business the request acts for' })
  @ApiOkResponse({ type: BusinessDto })
  get(@CurrentBusiness() businessId: string): Promise<BusinessDto> {
    return this.business.get(businessId);
  }

  @Patch()
  @Roles(Role.owner, Role.admin)
  @Activity('business.update', 'business')
  @ApiOperation({ summary: "Update the business's profile" })
  @ApiOkResponse({ type: BusinessDto })
  @ApiBadRequestResponse({ type: ProblemDetails })
  @ApiConflictResponse({ type: ProblemDetails, description: 'The slug is taken' })
  update(@CurrentBusiness() businessId: string, @Body() dto: UpdateBusinessDto): Promise<BusinessDto> {
    return this.business.update(businessId, dto);
  }
}
