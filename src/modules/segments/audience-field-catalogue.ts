import {
  AUDIENCE_FIELD_KINDS,
  AUDIENCE_FIELD_LABELS,
  AUDIENCE_FIELDS,
  AUDIENCE_KIND_OPERATORS,
} from '../customers/audience/audience-fields';
import type { AudienceFieldDto } from './dto/segment.dto';

/** Every field of the audience rule language, as a rule builder shows it. */
export const audienceFieldCatalogue = (): AudienceFieldDto[] =>
  AUDIENCE_FIELDS.map((field) => ({
    field,
    kind: AUDIENCE_FIELD_KINDS[field],
    operators: [...AUDIENCE_KIND_OPERATORS[AUDIENCE_FIELD_KINDS[field]]],
    label: AUDIENCE_FIELD_LABELS[field],
  }));
