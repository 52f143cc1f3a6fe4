import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export class FieldError {
  @ApiProperty({ example: 'email' })
  field: string;

  @ApiProperty({ example: 'email must be an email' })
  message: string;
}

/** RFC 9457 problem details, the body of every error answer. */
export class ProblemDetails {
  @ApiProperty({ example: 'https://chatgrow.dev/problems/validation-failed' })
  type: string;

  @ApiProperty({ example: 'Validation failed' })
  title: string;

  @ApiProperty({ type: 'integer', example: 400 })
  status: number;

  @ApiPropertyOptional({ example: 'The request body has 1 invalid field' })
  detail?: string;

  @ApiProperty({ example: '/api/customers' })
  instance: string;

  @ApiProperty({ example: '0d4c8a6e-6f7a-4c1e-9f33-8f2f7b1a9c11' })
  requestId: string;

  @ApiPropertyOptional({ example: 'customer.email_taken' })
  code?: string;

  @ApiPropertyOptional({ type: [FieldError] })
  errors?: FieldError[];
}
