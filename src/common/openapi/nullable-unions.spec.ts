import { moveNullableIntoUnions } from './nullable-unions';

describe('moveNullableIntoUnions', () => {
  it('moves nullable from beside a oneOf into its first typed branch, anywhere in the document', () => {
    const doc = {
      components: {
        schemas: {
          A: {
            properties: {
              hours: { nullable: true, oneOf: [{ type: 'number' }, { type: 'string' }] },
              name: { type: 'string', nullable: true },
            },
          },
        },
      },
    };
    moveNullableIntoUnions(doc);
    expect(doc.components.schemas.A.properties.hours).toEqual({
      oneOf: [{ type: 'number', nullable: true }, { type: 'string' }],
    });
    expect(doc.components.schemas.A.properties.name).toEqual({ type: 'string', nullable: true });
  });
});
