import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BusinessModule } from '../business/business.module';
import { BookingSettingsController } from './booking-settings.controller';
import { BookingSettingsRepository } from './booking-settings.repository';
import { BookingSettingsService } from './booking-settings.service';
import { BookingSettings } from './entities/booking-settings.entity';

@Module({
  imports: [TypeOrmModule.forFeature([BookingSettings]), BusinessModule],
  controllers: [BookingSettingsController],
  providers: [BookingSettingsRepository, BookingSettingsService],
  exports: [BookingSettingsService],
})
export class BookingSettingsModule {}
