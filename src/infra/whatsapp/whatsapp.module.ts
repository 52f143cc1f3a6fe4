import { Global, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AppConfig } from '../config/app-config';
import { CloudApiWhatsAppClient } from './cloud-api.whatsapp-client';
import { WHATSAPP_CLIENT, type WhatsAppClient } from './whatsapp.port';

/**
 * The WhatsApp port (WHATSAPP_CLIENT): Meta's Cloud API at WHATSAPP_GRAPH_URL.
 * There is no app-wide account to choose: each business brings its own number
 * and token (its WhatsApp settings); a business without them cannot send on
 * WhatsApp (422 message.channel_not_configured).
 */
@Global()
@Module({
  providers: [
    {
      provide: WHATSAPP_CLIENT,
      inject: [ConfigService],
      useFactory: (config: AppConfig): WhatsAppClient =>
        new CloudApiWhatsAppClient({
          graphUrl: config.get('WHATSAPP_GRAPH_URL', { infer: true }),
          apiVersion: config.get('WHATSAPP_API_VERSION', { infer: true }),
        }),
    },
  ],
  exports: [WHATSAPP_CLIENT],
})
export class WhatsAppClientModule {}
