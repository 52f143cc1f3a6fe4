import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Actor } from '../../common/auth/actor';
import { ApiAuth, CurrentActor, CurrentBusiness, Roles } from '../../common/auth/auth.decorators';
import { Role } from '../../common/auth/role';
import { PageQueryDto } from '../../common/pagination/page-query.dto';
import { ApiPaginatedResponse, paginated, Paginated } from '../../common/pagination/paginated';
import { ProblemDetails } from '../../common/problem/problem-details';
import { Activity } from '../activity/activity.decorator';
import { InviteMemberDto, InvitedMemberDto, MemberDto, UpdateMemberDto } from './dto/member.dto';
import { MembersService } from './members.service';

@ApiTags('business')
@ApiAuth()
@Roles(Role.owner, Role.admin)
@Controller('business/members')
export class MembersController {
  constructor(private readonly members: MembersService) {}

  @Get()
  @ApiOperation({ summary: "The business's members" })
  @ApiPaginatedResponse(MemberDto)
  async list(@CurrentBusiness() businessId: string, @Query() query: PageQueryDto): Promise<Paginated<MemberDto>> {
    const [items, total] = await this.members.list(businessId, query);
    return paginated(items, query, total);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One member' })
  @ApiOkResponse({ type: MemberDto })
  @ApiNotFoundResponse({ type: ProblemDetails })
  get(@CurrentBusiness() businessId: string, @Param('id', ParseUUIDPipe) id: string): Promise<MemberDto> {
    return this.members.get(businessId, id);
  }

  @Post()
  @Activity('member.invite', 'membership')
  @ApiOperation({ summary: 'Invite a member (an existing user joins at once)' })
  @ApiCreatedResponse({ type: InvitedMemberDto })
  @ApiBadRequestResponse({ type: ProblemDetails })
  @ApiConflictResponse({ type: ProblemDetails, description: 'Already a member' })
  invite(@CurrentActor() actor: Actor, @Body() dto: InviteMemberDto): Promise<InvitedMemberDto> {
    return this.members.invite(actor, dto);
  }

  @Patch(':id')
  @Activity('member.update', 'membership')
  @ApiOperation({ summary: "Change a member's role" })
  @ApiOkResponse({ type: MemberDto })
  @ApiNotFoundResponse({ type: ProblemDetails })
  @ApiConflictResponse({ type: ProblemDetails, description: 'The last owner cannot be demoted' })
  update(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateMemberDto): Promise<MemberDto> {
    return this.members.changeRole(actor, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @Activity('member.remove', 'membership')
  @ApiOperation({ summary: 'Remove a member' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ProblemDetails })
  @ApiConflictResponse({ type: ProblemDetails, description: 'The last owner cannot be removed' })
  async remove(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.members.remove(actor, id);
  }
}
