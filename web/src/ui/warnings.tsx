import { t } from '../i18n';
import type { Warning } from './warnings-of';

export { warningsOf, type Warning } from './warnings-of';

/**
 * An accepted action the API warns about (a past implementation deadline, a consultation ending
 * after its programme): shown after the action, non-modal (role=status), in Vietnamese by code,
 * the API's own message for a code the catalogue does not know yet.
 */
export function WarningsNotice({ warnings }: { warnings: Warning[] }) {
  const s = t().common.warnings;
  if (!warnings.length) return null;
  return (
    <div className="banner banner-warn" role="status" data-testid="warnings">
      <strong>{s.title}</strong>
      <ul>
        {warnings.map((w, i) => (
          <li key={`${w.code}-${i}`} data-code={w.code}>
            {s.codes[w.code] ?? w.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
