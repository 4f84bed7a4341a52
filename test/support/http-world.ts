/**
 * The world a regulation needs, made over HTTP as a ministry would (the embedded specs and the
 * browser set-up): a programme, a cost-parameter set, a legal document and its regulation.
 */

/** A programme without a minimum consultation period: rounds can close seconds after opening. */
export function programmeBody(code: string, name: string, targetPct: number) {
  return {
    code,
    name,
    startDate: '2020-01-01',
    endDate: '2030-12-31',
    baselineDate: '2019-12-31',
    targetCountPct: targetPct,
    targetCostPct: targetPct,
    minConsultationDays: 0,
    categories: ['administrative_procedure'],
  };
}

/** The decrees the embedded specs register, with the sector of their regulations. */
export const DECREES = {
  foodSafety: {
    sector: 'food_safety',
    document: {
      number: '15/2018/NĐ-CP',
      type: 'decree',
      issuer: 'Chính phủ',
      title: 'Nghị định quy định chi tiết thi hành một số điều của Luật An toàn thực phẩm',
      issuedOn: '2018-02-02',
      effectiveOn: '2018-02-02',
    },
  },
  trade: {
    sector: 'trade',
    document: {
      number: '09/2018/NĐ-CP',
      type: 'decree',
      issuer: 'Chính phủ',
      title: 'Nghị định quy định chi tiết Luật Thương mại về hoạt động mua bán hàng hóa',
      issuedOn: '2018-01-15',
      effectiveOn: '2018-01-15',
    },
  },
} as const;

/** A recurring business estimate: the activities' hours, the fees, nothing hired or other. */
export function recurringEstimate(
  parameterSetId: string,
  activities: Array<{ name: string; hours: number }>,
  feesAndCharges: number,
  subjectsPerYear: number,
) {
  return {
    parameterSetId,
    subjectType: 'business',
    costKind: 'recurring',
    activities,
    hiredServices: 0,
    feesAndCharges,
    otherCosts: 0,
    frequencyPerYear: 1,
    subjectsPerYear,
  };
}

/** Sends a POST and returns the created body (failing otherwise). */
export type Create = (path: string, token: string, body: unknown) => Promise<any>;

export interface RegulationWorldOptions {
  admin: string;
  officer: string;
  agencyId: string;
  /** Created first when given (by the admin). */
  programme?: ReturnType<typeof programmeBody>;
  parameterSet: Record<string, unknown>;
  decree: keyof typeof DECREES;
  provision: string;
  title: string;
}

export async function buildRegulationWorld(create: Create, o: RegulationWorldOptions) {
  if (o.programme) await create('/programmes', o.admin, o.programme);
  const parameterSet = await create('/cost-parameter-sets', o.admin, o.parameterSet);
  const decree = DECREES[o.decree];
  const document = await create('/legal-documents', o.officer, decree.document);
  const regulation = await create('/regulations', o.officer, {
    legalDocumentId: document.id,
    provision: o.provision,
    title: o.title,
    category: 'administrative_procedure',
    sector: decree.sector,
    agencyId: o.agencyId,
  });
  return { parameterSet, document, regulation };
}
