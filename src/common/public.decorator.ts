import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'regcut:public';

/** A route anyone may call without credentials. */
export const Public = () => SetMetadata(IS_PUBLIC, true);
