import type { Provider } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { purposeKey } from '../../common/crypto/purpose-key';
import type { AppConfig } from '../../infra/config/app-config';
import { CampaignLinks } from './campaign-links';

export const CAMPAIGN_LINKS = Symbol('CAMPAIGN_LINKS');

/** Tracking links signed with a key derived from JWT_SECRET for this purpose only. */
export const campaignLinksProvider: Provider = {
  provide: CAMPAIGN_LINKS,
  inject: [ConfigService],
  useFactory: (config: AppConfig) =>
    new CampaignLinks(purposeKey(config.get('JWT_SECRET', { infer: true })!, 'campaign-links'), config.get('PUBLIC_URL', { infer: true })),
};
