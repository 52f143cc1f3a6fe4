import { applyDecorators, Type } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiProperty, getSchemaPath } from '@nestjs/swagger';

export class PageMeta {
  @ApiProperty({ example: 1 })
  page: number;

  @ApiProperty({ example: 20 })
  limit: number;

  @ApiProperty({ example: 42 })
  total: number;
}

export interface Paginated<T> {
  data: T[];
  meta: PageMeta;
}

export function paginated<T>(data: T[], page: { page: number; limit: number }, total: number): Paginated<T> {
  return { data, meta: { page: page.page, limit: page.limit, total } };
}

/** Documents `{ data: Item[], meta }` for a list endpoint. */
export function ApiPaginatedResponse(item: Type<unknown>) {
  return applyDecorators(
    ApiExtraModels(PageMeta, item),
    ApiOkResponse({
      schema: {
        type: 'object',
        required: ['data', 'meta'],
        properties: {
          data: { type: 'array', items: { $ref: getSchemaPath(item) } },
          meta: { $ref: getSchemaPath(PageMeta) },
        },
      },
    }),
  );
}
