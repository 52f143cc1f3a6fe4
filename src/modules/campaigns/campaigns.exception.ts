import { HttpStatus } from '@nestjs/common';
import type { FieldError } from '../../common/problem/problem-details';
import { AppException, ConflictAppException } from '../../common/problem/app.exception';
import type { CampaignStatus } from './campaign.types';

export class CampaignNotEditableException extends ConflictAppException {
  constructor(status: CampaignStatus) {
    super('campaign.not_editable', `A campaign can be changed while it is a draft or scheduled; this one is ${status}`);
  }
}

export class CampaignStateException extends ConflictAppException {
  constructor(action: string, status: CampaignStatus) {
    super('campaign.invalid_state', `A ${status} campaign cannot be ${action}`);
  }
}

/** What a campaign still lacks before it can be scheduled (a segment, an email subject). */
export class CampaignIncompleteException extends AppException {
  constructor(errors: FieldError[]) {
    super(
      HttpStatus.UNPROCESSABLE_ENTITY,
      'campaign.incomplete',
      `The campaign cannot be sent yet: ${errors.map((e) => e.message).join('; ')}`,
      errors,
    );
  }
}

export class CampaignContentException extends AppException {
  constructor(errors: FieldError[]) {
    super(
      HttpStatus.BAD_REQUEST,
      'validation_failed',
      `The request has ${errors.length} invalid field${errors.length === 1 ? '' : 's'}`,
      errors,
    );
  }
}
