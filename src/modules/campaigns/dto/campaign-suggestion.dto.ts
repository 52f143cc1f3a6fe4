import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { CAMPAIGN_GOALS, type CampaignGoal, type SuggestionChannel, type SuggestionLocale } from '../suggestions/campaign-suggestion.types';

export class SuggestCampaignDto {
  @ApiProperty({ enum: CAMPAIGN_GOALS, example: 'win_back', description: 'What the campaign is for' })
  @IsIn(CAMPAIGN_GOALS)
  goal: CampaignGoal;

  @ApiProperty({ enum: ['he', 'en'], example: 'he' })
  @IsIn(['he', 'en'])
  locale: SuggestionLocale;

  @ApiProperty({ enum: ['email', 'sms'], example: 'sms' })
  @IsIn(['email', 'sms'])
  channel: SuggestionChannel;
}

export class CampaignSuggestionDto {
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'התגעגענו אליך, {{ customer.firstName }}',
    description: 'Email only; null for SMS',
  })
  subject: string | null;

  @ApiProperty({
    example: 'היי {{ customer.firstName }}, מזמן לא התראינו! מחכים לך ב-{{ business.name }}.',
    description:
      'The message in the template language (`{{ customer.firstName }}`, `{{ business.name }}`…); the opt-out is added when sent',
  })
  body: string;
}

export class CampaignSuggestionsDto {
  @ApiProperty({ type: [CampaignSuggestionDto] })
  suggestions: CampaignSuggestionDto[];

  @ApiProperty({
    enum: ['local', 'ai'],
    description: '`local`: the built-in copy; `ai`: the configured AI driver (each suggestion checked)',
  })
  source: 'local' | 'ai';
}
