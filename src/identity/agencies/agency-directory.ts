import { Injectable } from '@nestjs/common';
import { AccountRepository } from '../persistence/account.repository';

/** Identity's port onto agencies for other modules (the register's export names agencies by code). */
@Injectable()
export class AgencyDirectory {
  constructor(private readonly accounts: AccountRepository) {}

  /** Every agency's code (mã cơ quan) by id. */
  codesById(): Promise<Map<string, string>> {
    return this.accounts.agencyCodes();
  }
}
