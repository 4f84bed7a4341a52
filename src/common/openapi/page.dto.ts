import { Type } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';

const pages = new Map<Type<unknown>, Type<unknown>>();

/** The `{items, nextCursor}` answer of a list, as a schema named `<Item>Page` (one per item). */
export function PageOf<T>(item: Type<T>): Type<{ items: T[]; nextCursor: string | null }> {
  const known = pages.get(item);
  if (known) return known as Type<{ items: T[]; nextCursor: string | null }>;
  const name = `${item.name.replace(/Dto$/, '')}PageDto`;
  const page = {
    [name]: class {
      items: T[];
      nextCursor: string | null;
    },
  }[name];
  ApiProperty({ type: [item] })(page.prototype, 'items');
  ApiProperty({
    type: String,
    nullable: true,
    description: 'pass as `cursor` for the next page; null on the last one',
  })(page.prototype, 'nextCursor');
  pages.set(item, page);
  return page;
}
