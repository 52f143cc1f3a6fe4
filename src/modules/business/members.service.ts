import { toMemberDto } from './member.mapper';
import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Actor } from '../../common/auth/actor';
import { Role } from '../../common/auth/role';
import { randomToken, sha256 } from '../../common/crypto/tokens';
import { DomainEvents } from '../../common/domain-events/domain-events';
import { eventActor } from '../../common/domain-events/event-actor';
import { NotFoundAppException } from '../../common/problem/app.exception';
import type { AppConfig } from '../../infra/config/app-config';
import { TransactionRunner } from '../../infra/database/transaction.runner';
import { UsersService } from '../users/users.service';
import { AlreadyMemberException, LastOwnerException, OwnerOnlyException } from './business.exception';
import type { InviteMemberDto, InvitedMemberDto, MemberDto, UpdateMemberDto } from './dto/member.dto';
import { Membership, MembershipStatus } from './entities/membership.entity';
import { MembershipsRepository } from './memberships.repository';

const INVITE_TTL_MS = 7 * 86_400_000;

@Injectable()
export class MembersService {
  private readonly publicUrl: string;

  constructor(
    private readonly memberships: MembershipsRepository,
    private readonly users: UsersService,
    private readonly tx: TransactionRunner,
    private readonly events: DomainEvents,
    @Inject(ConfigService) config: AppConfig,
  ) {
    this.publicUrl = config.get('PUBLIC_URL', { infer: true }).replace(/\/$/, '');
  }

  async list(businessId: string, page: { offset: number; limit: number }): Promise<[MemberDto[], number]> {
    const [rows, total] = await this.memberships.pageWithUsers(businessId, page);
    return [rows.map(toMemberDto), total];
  }

  async get(businessId: string, id: string): Promise<MemberDto> {
    return toMemberDto(await this.load(businessId, id));
  }

  /** Adds an existing user at once; a new person gets an invitation link to set a password. */
  async invite(actor: Actor, dto: InviteMemberDto): Promise<InvitedMemberDto> {
    if (dto.role === Role.owner && actor.role !== Role.owner) throw new OwnerOnlyException();
    const businessId = actor.businessId;
    const existing = await this.users.findByEmail(dto.email);
    if (existing && (await this.memberships.findOne(businessId, { userId: existing.id }))) throw new AlreadyMemberException();
    const token = existing ? undefined : randomToken(32);
    const membership = await this.tx.run(async (manager) => {
      const user =
        existing ?? (await this.users.create({ email: dto.email, name: dto.name?.trim() || dto.email, passwordHash: null }, manager));
      const created = await this.memberships.withManager(manager).insert(businessId, {
        userId: user.id,
        role: dto.role,
        status: token ? MembershipStatus.invited : MembershipStatus.active,
        inviteTokenHash: token ? sha256(token) : null,
        inviteExpiresAt: token ? new Date(Date.now() + INVITE_TTL_MS) : null,
      });
      created.user = user;
      return created;
    });
    const inviteUrl = token ? `${this.publicUrl}/accept-invite?token=${token}` : undefined;
    this.events.emit('member.invited', {
      businessId,
      membershipId: membership.id,
      userId: membership.userId,
      inviteUrl: inviteUrl ?? '',
      by: eventActor(actor),
    });
    return { ...toMemberDto(membership), ...(token ? { inviteUrl, inviteToken: token } : {}) };
  }

  async changeRole(actor: Actor, id: string, dto: UpdateMemberDto): Promise<MemberDto> {
    const businessId = actor.businessId;
    const updated = await this.tx.run(async (manager) => {
      const repo = this.memberships.withManager(manager);
      const owners = await repo.lockOwners(businessId);
      const member = await repo.findWithUser(businessId, id);
      if (!member) throw new NotFoundAppException('member', id);
      if ((member.role === Role.owner || dto.role === Role.owner) && actor.role !== Role.owner) throw new OwnerOnlyException();
      if (member.role === Role.owner && dto.role !== Role.owner && owners <= 1) throw new LastOwnerException();
      member.role = dto.role;
      return repo.save(businessId, member);
    });
    this.events.emit('member.updated', { businessId, membershipId: id, role: dto.role });
    return toMemberDto(updated);
  }

  async remove(actor: Actor, id: string): Promise<void> {
    const businessId = actor.businessId;
    const removed = await this.tx.run(async (manager) => {
      const repo = this.memberships.withManager(manager);
      const owners = await repo.lockOwners(businessId);
      const member = await repo.findById(businessId, id);
      if (!member) throw new NotFoundAppException('member', id);
      if (member.role === Role.owner && actor.role !== Role.owner) throw new OwnerOnlyException();
      if (member.role === Role.owner && owners <= 1) throw new LastOwnerException();
      await repo.deleteById(businessId, id);
      return member;
    });
    // Waits for what the member issued (feed links, API keys, sessions) to be revoked before answering.
    await this.events.emitAndWait('member.removed', { businessId, membershipId: id, userId: removed.userId });
  }

  private async load(businessId: string, id: string): Promise<Membership> {
    const member = await this.memberships.findWithUser(businessId, id);
    if (!member) throw new NotFoundAppException('member', id);
    return member;
  }
}
