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
import { PublicSubscriptionsController } from './public-subscriptions.controller';
import { PublicSubscriptionsService } from './public-subscriptions.service';

@Module({
  imports: [TypeOrmModule.forFeature([Subscriber]), BusinessModule, CustomersModule],
  controllers: [SubscribersController, PublicSubscriptionsController],
  providers: [
    SubscribersRepository,
    SubscribersService,
    PublicSubscriptionsService,
    SubscriptionTokens,
    SubscriberMailer,
    SubscribersActivityListener,
  ],
  exports: [SubscriberMailer],
})
export class SubscribersModule {}
