import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BusinessModule } from '../business/business.module';
import { CustomersModule } from '../customers/customers.module';
import { Subscriber } from './entities/subscriber.entity';
import { SubscriberMailer } from './subscriber-mailer.service';
import { SubscribersActivityListener } from './subscribers-activity.listener';
import { SubscribersController } from './subscribers.controller';
import { SubscribersRepository } from './subscribers.repository';
import { SubscribersService } from './subscribers.service';
import { SubscriptionLinks } from './subscription-links.service';
import { PublicSubscriptionsController } from './public-subscriptions.controller';
import { PublicSubscriptionsService } from './public-subscriptions.service';

@Module({
  imports: [TypeOrmModule.forFeature([Subscriber]), BusinessModule, CustomersModule],
  controllers: [SubscribersController, PublicSubscriptionsController],
  providers: [
    SubscribersRepository,
    SubscribersService,
    PublicSubscriptionsService,
    SubscriptionLinks,
    SubscriberMailer,
    SubscribersActivityListener,
  ],
  exports: [SubscriberMailer, SubscribersService],
})
export class SubscribersModule {}
