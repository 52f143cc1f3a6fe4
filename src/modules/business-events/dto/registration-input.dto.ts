import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional, IsUUID, ValidateIf, ValidateNested } from 'class-validator';
import { NewCustomerDto } from '../../customers/dto/new-customer.dto';
import { FlatEmail, FlatFirstName, FlatLanguage, FlatLastName, FlatPhone } from './flat-customer-fields';

/** Staff registering someone: `customerId` for an existing customer, or `customer` (matched by phone/email, or created). */
export class CreateRegistrationDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'An existing customer; or send `customer`' })
  @IsOptional()
  @IsUUID()
  customerId?: string;

  @ApiPropertyOptional({ type: NewCustomerDto, description: 'Matched by phone/email, or created' })
  @ValidateIf((o: CreateRegistrationDto) => o.customer !== undefined && o.customerId === undefined)
  @ValidateNested()
  @Type(() => NewCustomerDto)
  customer?: NewCustomerDto;

  @FlatFirstName(byFlatFieldsOnly)
  firstName?: string;

  @FlatLastName()
  lastName?: string;

  @FlatEmail(byFlatFieldsOnly)
  email?: string;

  @FlatPhone()
  phone?: string;

  @FlatLanguage()
  language?: 'he' | 'en';
}

/** The public form: the person registering, matched to a customer by phone/email, or created. */
export class PublicRegistrationDto {
  @ApiPropertyOptional({ type: NewCustomerDto, description: 'Matched by phone/email, or created' })
  @IsOptional()
  @ValidateNested()
  @Type(() => NewCustomerDto)
  customer?: NewCustomerDto;

  @FlatFirstName(withoutCustomer)
  firstName?: string;

  @FlatLastName()
  lastName?: string;

  @FlatPhone(withoutCustomer)
  phone?: string;

  @FlatEmail()
  email?: string;

  @FlatLanguage()
  language?: 'he' | 'en';
}

function withoutCustomer(o: { customer?: unknown }): boolean {
  return o.customer === undefined;
}

function byFlatFieldsOnly(o: { customer?: unknown; customerId?: unknown }): boolean {
  return o.customer === undefined && o.customerId === undefined;
}
