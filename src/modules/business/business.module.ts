import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UsersModule } from '../users/users.module';
import { BusinessDirectory } from './business-directory.service';
import { MembershipDirectory } from './membership-directory.service';
import { BusinessController } from './business.controller';
import { BusinessService } from './business.service';
import { BusinessesRepository } from './businesses.repository';
import { Business } from '../../common/tenancy/business.entity';
import { Membership } from './entities/membership.entity';
import { MembersController } from './members.controller';
import { MembersService } from './members.service';
import { MembershipsRepository } from './memberships.repository';

@Module({
  imports: [TypeOrmModule.forFeature([Business, Membership]), UsersModule],
  controllers: [BusinessController, MembersController],
  providers: [BusinessesRepository, MembershipsRepository, BusinessService, MembersService, BusinessDirectory, MembershipDirectory],
  exports: [BusinessDirectory, MembershipDirectory],
})
export class BusinessModule {}
