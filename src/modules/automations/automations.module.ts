import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BusinessModule } from '../business/business.module';
import { CustomersModule } from '../customers/customers.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { OutboundWebhooksModule } from '../outbound-webhooks/outbound-webhooks.module';
import { AutomationEventsController } from './automation-events.controller';
import { AutomationEventsListener } from './automation-events.listener';
import { AutomationExternalEventsService } from './automation-external-events.service';
import { AutomationRulesRepository, AutomationRuleVersionsRepository } from './automation-rules.repository';
import { AutomationRulesService } from './automation-rules.service';
import { AutomationRunsController } from './automation-runs.controller';
import { AutomationRunsRepository } from './automation-runs.repository';
import { AutomationRunsService } from './automation-runs.service';
import { AutomationStepService } from './automation-step.service';
import { AutomationSweepService } from './automation-sweep.service';
import { AutomationTriggerService } from './automation-trigger.service';
import { AutomationEventJob, AutomationStepJob, SweepAutomationsJob } from './automation.jobs';
import { AutomationsController } from './automations.controller';
import { AutomationRuleVersion } from './entities/automation-rule-version.entity';
import { AutomationRule } from './entities/automation-rule.entity';
import { AutomationRun } from './entities/automation-run.entity';

/**
 * Automation rules: when a domain event (or a date, or an outside system)
 * triggers a rule for a customer who meets its conditions, its actions run as
 * durable jobs, step by step, each recorded once.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([AutomationRule, AutomationRuleVersion, AutomationRun]),
    BusinessModule,
    CustomersModule,
    NotificationsModule,
    OutboundWebhooksModule,
  ],
  // Runs and events before the rules controller, whose `:id` would otherwise take `runs`.
  controllers: [AutomationRunsController, AutomationEventsController, AutomationsController],
  providers: [
    AutomationRulesRepository,
    AutomationRuleVersionsRepository,
    AutomationRunsRepository,
    AutomationRulesService,
    AutomationRunsService,
    AutomationTriggerService,
    AutomationStepService,
    AutomationSweepService,
    AutomationExternalEventsService,
    AutomationEventsListener,
    AutomationEventJob,
    AutomationStepJob,
    SweepAutomationsJob,
  ],
})
export class AutomationsModule {}
