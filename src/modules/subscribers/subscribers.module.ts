import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BusinessModule } from '../business/business.module';
import { CustomersModule } from '../customers/customers.module';
import { Subscriber } from './entities/subscriber.entity';
import { SubscriberMailer } from './subscriber-mailer';
import { SubscribersActivityListener } from './subscribers-activity.listener';
import { SubscribersController } from './subscribers.controller';
import { SubscribersRepository } from './subscribers.repository';
import { SubscribersService } from './subscribers.service';
import { SubscriptionTokens } from './subscription-tokens';
import { SubscriptionsPublicController } from './subscriptions-public.controller';
import { SubscriptionsPublicService } from './subscriptions-public.service';

@Module({
  imports: [TypeOrmModule.forFeature([Subscriber]), BusinessModule, CustomersModule],
  controllers: [SubscribersController, SubscriptionsPublicController],
  providers: [
    SubscribersRepository,
    SubscribersService,
    SubscriptionsPublicService,
    SubscriptionTokens,
    SubscriberMailer,
    SubscribersActivityListener,
  ],
  exports: [SubscriberMailer],
})
export class SubscribersModule {}
