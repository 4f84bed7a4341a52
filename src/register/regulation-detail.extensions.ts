import { Injectable } from '@nestjs/common';
import { Principal } from '../identity/domain/principal';
import { RegulationEntity } from './persistence/regulation.entity';

export interface RegulationDetailContext {
  regulation: RegulationEntity;
  principal?: Principal;
}

/** Adds fields to `GET /regulations/:id` (e.g. costs, available events); must respect AccessPolicy. */
export type RegulationDetailExtension = (
  ctx: RegulationDetailContext,
) => Promise<Record<string, unknown>>;

/**
 * Lets feature modules that depend on the register (costing, workflow …) contribute to the
 * regulation view without the register depending on them.
 */
@Injectable()
export class RegulationDetailExtensions {
  private readonly extensions: RegulationDetailExtension[] = [];

  register(extension: RegulationDetailExtension): void {
    this.extensions.push(extension);
  }

  async collect(ctx: RegulationDetailContext): Promise<Record<string, unknown>> {
    const parts = await Promise.all(this.extensions.map((e) => e(ctx)));
    return Object.assign({}, ...parts);
  }
}
