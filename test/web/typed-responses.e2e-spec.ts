import { buildOpenApiDocument } from '../../scripts/api-types';

type Schema = {
  type?: string;
  properties?: unknown;
  additionalProperties?: unknown;
  $ref?: string;
};
type Operation = {
  operationId?: string;
  tags?: string[];
  responses?: Record<string, { content?: Record<string, { schema?: Schema }> }>;
};

/** Tags whose routes still answer free-form objects (none left: issue 15 item 5 is done). */
const NOT_YET_TYPED_TAGS = new Set<string>([]);

/** Operations left out by id while they are reworked elsewhere. */
const NOT_YET_TYPED_OPERATIONS = new Set<string>([
  'ConsultationsController_list', // GET /consultations, moving into consultation/ (issue 15 item 3)
]);

/** A bare `{type: object, additionalProperties: true}`: says nothing of the answer's fields. */
function freeForm(s: Schema | undefined): boolean {
  return !!s && !s.$ref && s.type === 'object' && s.additionalProperties === true && !s.properties;
}

/** Every success response documents its shape (a DTO class), so the web client is typed. */
describe('OpenAPI success responses', () => {
  it('are typed: none is a free-form object', async () => {
    const doc = (await buildOpenApiDocument()) as {
      paths: Record<string, Record<string, Operation>>;
    };
    const untyped: string[] = [];
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        if (op.tags?.some((t) => NOT_YET_TYPED_TAGS.has(t))) continue;
        if (op.operationId && NOT_YET_TYPED_OPERATIONS.has(op.operationId)) continue;
        for (const [status, response] of Object.entries(op.responses ?? {})) {
          if (!status.startsWith('2')) continue;
          for (const media of Object.values(response.content ?? {})) {
            if (freeForm(media.schema)) untyped.push(`${method.toUpperCase()} ${path} ${status}`);
          }
        }
      }
    }
    expect(untyped).toEqual([]);
  });
});
