import { parseNumberInput } from '../../format';

export type SetValues = {
  year: string;
  annualIncomePerCapita: string;
  hourlyRate: string;
  monthsPerYear: string;
  workingDaysPerMonth: string;
  hoursPerDay: string;
};
export const emptySet: SetValues = {
  year: '',
  annualIncomePerCapita: '',
  hourlyRate: '',
  monthsPerYear: '',
  workingDaysPerMonth: '',
  hoursPerDay: '',
};

/** The form's text as the API's body; on an edit, a cleared field is sent as null (back to its default). */
export function parameterSetBody(v: SetValues, editing: boolean): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [k, text] of Object.entries(v) as Array<[keyof SetValues, string]>) {
    const kind = k === 'annualIncomePerCapita' || k === 'hourlyRate' ? 'money' : 'quantity';
    if (text.trim() === '') {
      if (editing && k !== 'year') body[k] = null;
      continue;
    }
    const n = parseNumberInput(text, kind) ?? text;
    body[k] = k === 'year' && /^\d+$/.test(n) ? Number(n) : n;
  }
  return body;
}
