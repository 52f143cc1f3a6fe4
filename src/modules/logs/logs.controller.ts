import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAuth, PlatformAdmin } from '../../common/auth/auth.decorators';
import { LogLinesDto, LogsQueryDto } from './dto/logs-query.dto';
import { LogsService } from './logs.service';

@ApiTags('logs')
@ApiAuth()
@PlatformAdmin()
@Controller('logs')
export class LogsController {
  constructor(private readonly logs: LogsService) {}

  @Get()
  @ApiOperation({ summary: 'Recent application log lines (platform administrators only)' })
  @ApiOkResponse({ type: LogLinesDto })
  async search(@Query() query: LogsQueryDto): Promise<LogLinesDto> {
    return { data: await this.logs.search(query) };
  }
}
