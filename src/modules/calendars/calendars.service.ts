import { toCalendarDto } from './calendar.mapper';
import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Actor } from '../../common/auth/actor';
import { Role } from '../../common/auth/role';
import { randomToken, safeEqual, sha256 } from '../../common/crypto/tokens';
import { AppException, NotFoundAppException } from '../../common/problem/app.exception';
import { sentFields } from '../../common/validation/sent-fields';
import type { AppConfig } from '../../infra/config/app-config';
import { MembershipDirectory } from '../business/membership-directory.service';
import { CalendarInUseException, CalendarMemberTakenException } from './calendars.exception';
import { CalendarsRepository } from './calendars.repository';
import type { CalendarDto, CreateCalendarDto, FeedTokenDto, UpdateCalendarDto } from './dto/calendar.dto';
import { Calendar, CalendarKind } from './entities/calendar.entity';

/** Staff and resource calendars: CRUD and their iCalendar feed token. */
@Injectable()
export class CalendarsService {
  private readonly publicUrl: string;

  constructor(
    private readonly calendars: CalendarsRepository,
    private readonly memberships: MembershipDirectory,
    @Inject(ConfigService) config: AppConfig,
  ) {
    this.publicUrl = config.get('PUBLIC_URL', { infer: true }).replace(/\/$/, '');
  }

  async create(businessId: string, dto: CreateCalendarDto): Promise<CalendarDto> {
    let name = dto.name;
    if (dto.kind === CalendarKind.member) {
      const member = await this.memberships.findMember(businessId, dto.memberId!);
      if (!member) throw new NotFoundAppException('member', dto.memberId);
      const existing = await this.calendars.findByMember(businessId, member.id);
      if (existing) throw new CalendarMemberTakenException(existing.id);
      name = name ?? member.user?.name ?? 'צוות';
    }
    const row = await this.calendars.insert(businessId, {
      kind: dto.kind,
      memberId: dto.kind === CalendarKind.member ? dto.memberId! : null,
      name: name!,
      active: dto.active ?? true,
      weekly: [],
      feedTokenHash: null,
    });
    return toCalendarDto(row);
  }

  async list(businessId: string, filter: { active?: boolean }, page: { offset: number; limit: number }): Promise<[CalendarDto[], number]> {
    const [rows, total] = await this.calendars.page(businessId, filter, page);
    return [rows.map(toCalendarDto), total];
  }

  async get(businessId: string, id: string): Promise<CalendarDto> {
    return toCalendarDto(await this.require(businessId, id));
  }

  /** The calendar, or 404 (also for another business's id). */
  async require(businessId: string, id: string): Promise<Calendar> {
    const row = await this.calendars.findById(businessId, id);
    if (!row) throw new NotFoundAppException('calendar', id);
    return row;
  }

  findMany(businessId: string, ids: string[]): Promise<Calendar[]> {
    return this.calendars.findManyByIds(businessId, ids);
  }

  async update(businessId: string, id: string, dto: UpdateCalendarDto): Promise<CalendarDto> {
    if (!(await this.calendars.updateFields(businessId, id, sentFields(dto)))) throw new NotFoundAppException('calendar', id);
    return toCalendarDto(await this.require(businessId, id));
  }

  async remove(businessId: string, id: string): Promise<void> {
    const outcome = await this.calendars.deleteUnlessReferenced(businessId, id);
    if (outcome === 'missing') throw new NotFoundAppException('calendar', id);
    if (outcome === 'in_use') throw new CalendarInUseException();
  }

  /** A new feed secret (the old link stops working). Owners and admins, or the staff member of this calendar. */
  async rotateFeedToken(actor: Actor, id: string): Promise<FeedTokenDto> {
    const calendar = await this.requireFeedManager(actor, id);
    const token = randomToken(32);
    await this.calendars.setFeedToken(actor.businessId, calendar.id, {
      hash: sha256(token),
      issuedBy: actor.kind === 'user' ? actor.id : null,
    });
    return { token, url: `${this.publicUrl}/api/calendars/${calendar.id}/feed.ics?token=${token}` };
  }

  async revokeFeedToken(actor: Actor, id: string): Promise<void> {
    const calendar = await this.requireFeedManager(actor, id);
    await this.calendars.setFeedToken(actor.businessId, calendar.id, null);
  }

  /** The calendar whose feed this token opens, or null (unknown id, no feed, wrong token). */
  async authenticateFeed(id: string, token: string | undefined): Promise<Calendar | null> {
    if (!token) return null;
    const calendar = await this.calendars.findForFeed(id);
    if (!calendar?.feedTokenHash || !safeEqual(calendar.feedTokenHash, sha256(token))) return null;
    return calendar;
  }

  private async requireFeedManager(actor: Actor, id: string): Promise<Calendar> {
    const calendar = await this.require(actor.businessId, id);
    if (actor.role === Role.owner || actor.role === Role.admin) return calendar;
    const own = actor.kind === 'user' ? await this.memberships.findActiveActor(actor.businessId, actor.id) : null;
    if (!own || own.membershipId !== calendar.memberId) {
      throw new AppException(
        HttpStatus.FORBIDDEN,
        'calendar.feed_forbidden',
        "Only owners, admins and the calendar's own staff member manage its feed",
      );
    }
    return calendar;
  }
}
