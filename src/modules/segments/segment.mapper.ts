import type { SegmentDto } from './dto/segment.dto';
import type { Segment } from './entities/segment.entity';

export const toSegmentDto = (s: Segment): SegmentDto => ({
  id: s.id,
  name: s.name,
  description: s.description,
  rule: s.rule,
  createdAt: s.createdAt,
  updatedAt: s.updatedAt,
});
