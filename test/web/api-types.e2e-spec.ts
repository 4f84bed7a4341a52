import { readFileSync } from 'node:fs';
import { API_TYPES_FILE, renderApiTypes } from '../../scripts/api-types';

/** The web app's typed client cannot drift from the service: `npm run api:types` regenerates it. */
describe('web/src/api/schema.ts', () => {
  it('equals the types generated from the OpenAPI document now', async () => {
    const fresh = await renderApiTypes();
    const committed = readFileSync(API_TYPES_FILE, 'utf8');
    if (fresh !== committed) {
      throw new Error(
        'web/src/api/schema.ts is out of date with the OpenAPI document: run `npm run api:types`',
      );
    }
  });
});
