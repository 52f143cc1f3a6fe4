import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';

/** The sandbox page's card form (nothing is stored but the last 4 digits). */
export class SandboxCardDto {
  @ApiProperty({ example: '4580000000000000', pattern: '^[\\d\\s-]{12,23}$' })
  @Matches(/^[\d\s-]{12,23}$/, { message: 'cardNumber must be a card number' })
  cardNumber: string;

  @ApiPropertyOptional({ example: '12/30', maxLength: 7 })
  @IsOptional()
  @IsString()
  @MaxLength(7)
  expiry?: string;

  @ApiPropertyOptional({ example: '123', maxLength: 4 })
  @IsOptional()
  @IsString()
  @MaxLength(4)
  cvv?: string;
}
