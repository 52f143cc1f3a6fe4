import type { ApiKeyDto } from './dto/api-key.dto';
import type { ApiKey } from './entities/api-key.entity';

export const toApiKeyDto = (k: ApiKey): ApiKeyDto => ({
  id: k.id,
  name: k.name,
  prefix: k.prefix,
  role: k.role,
  lastUsedAt: k.lastUsedAt,
  createdAt: k.createdAt,
});
