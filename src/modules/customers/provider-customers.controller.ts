import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAuth, CurrentBusiness } from '../../common/auth/auth.decorators';
import { ApiPaginatedResponse, paginated, Paginated, UncountablePageMeta } from '../../common/pagination/paginated';
import { ProblemDetails } from '../../common/problem/problem-details';
import { CustomerManagementService } from './customer-management.service';
import { CustomerQueryDto } from './dto/customer-query.dto';
import { CustomerActivityDto } from './dto/customer-response.dto';

/** `/provider/customers`: the dashboard's customer list (outside the `/api` prefix, authenticated like every business route). */
@ApiTags('provider')
@ApiAuth()
@Controller('provider/customers')
export class ProviderCustomersController {
  constructor(private readonly customers: CustomerManagementService) {}

  @Get()
  @ApiOperation({
    summary: 'Customers with their spend, visits and last activity (the dashboard list)',
    description:
      'The same search (`q`), filters, sort (`sort=totalSpendAgorot|visitCount|lastActivityAt|…`), paging and `total=false` as `GET /api/customers`; each row carries spend (agorot, documents less credit notes), visits (completed appointments) and last activity.',
  })
  @ApiPaginatedResponse(CustomerActivityDto, UncountablePageMeta)
  @ApiBadRequestResponse({ type: ProblemDetails })
  async list(
    @CurrentBusiness() businessId: string,
    @Query() query: CustomerQueryDto,
  ): Promise<Paginated<CustomerActivityDto, UncountablePageMeta>> {
    const [items, total] = await this.customers.listActivity(businessId, query);
    return paginated(items, query, total);
  }
}
