import { HttpStatus } from '@nestjs/common';
import { AppException } from '../../common/problem/app.exception';

export class LastOwnerException extends AppException {
  constructor() {
    super(HttpStatus.CONFLICT, 'member.last_owner', 'A business needs at least one owner: add another owner first');
  }
}

export class AlreadyMemberException extends AppException {
  constructor() {
    super(HttpStatus.CONFLICT, 'member.already_member', 'This person is already a member of the business');
  }
}

export class OwnerOnlyException extends AppException {
  constructor() {
    super(HttpStatus.FORBIDDEN, 'member.owner_only', 'Only an owner can grant, change or remove the owner role');
  }
}

export class SlugTakenException extends AppException {
  constructor() {
    super(HttpStatus.CONFLICT, 'business.slug_taken', 'Another business already uses this slug');
  }
}
