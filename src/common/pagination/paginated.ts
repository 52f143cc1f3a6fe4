import { applyDecorators, Type } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiProperty, getSchemaPath } from '@nestjs/swagger';

export class PageMeta {
  @ApiProperty({ type: 'integer', example: 1 })
  page: number;

  @ApiProperty({ type: 'integer', example: 20 })
  limit: number;

  @ApiProperty({ type: 'integer', example: 42, description: 'How many items match in all' })
  total: number;
}

/** The meta of a list that offers `total=false` (skip counting, for infinite scroll over large lists). */
export class UncountablePageMeta {
  @ApiProperty({ type: 'integer', example: 1 })
  page: number;

  @ApiProperty({ type: 'integer', example: 20 })
  limit: number;

  @ApiProperty({
    type: 'integer',
    nullable: true,
    example: 42,
    description: 'How many items match in all; null when asked with `total=false`',
  })
  total: number | null;
}

export interface Paginated<T, M extends PageMeta | UncountablePageMeta = PageMeta> {
  data: T[];
  meta: M;
}

export function paginated<T>(data: T[], page: { page: number; limit: number }, total: number): Paginated<T>;
export function paginated<T>(data: T[], page: { page: number; limit: number }, total: number | null): Paginated<T, UncountablePageMeta>;
export function paginated<T>(data: T[], page: { page: number; limit: number }, total: number | null): Paginated<T, UncountablePageMeta> {
  return { data, meta: { page: page.page, limit: page.limit, total } };
}

/** Documents `{ data: Item[], meta }` for a list endpoint. */
export function ApiPaginatedResponse(item: Type<unknown>, meta: typeof PageMeta | typeof UncountablePageMeta = PageMeta) {
  return applyDecorators(
    ApiExtraModels(meta, item),
    ApiOkResponse({
      schema: {
        type: 'object',
        required: ['data', 'meta'],
        properties: {
          data: { type: 'array', items: { $ref: getSchemaPath(item) } },
          meta: { $ref: getSchemaPath(meta) },
        },
      },
    }),
  );
}
