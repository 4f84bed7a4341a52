import { LEDGER_STAGE_OF_STATE } from '../domain/ledger';

const literal = (s: string) => `'${s.replace(/'/g, "''")}'`;

/**
 * `progress_stage(state_name)`, the SQL side of `stageOf()`, generated from its table so the
 * stage mapping has one source: migrations call this, and ledger-consistency checks that the
 * database and the TypeScript agree for every workflow state. After changing the table, add a
 * migration that runs this again.
 */
export function progressStageFunctionSql(): string {
  const arms = Object.entries(LEDGER_STAGE_OF_STATE)
    .map(([state, stage]) => `WHEN ${literal(state)} THEN ${literal(stage)}`)
    .join('\n               ');
  return `CREATE OR REPLACE FUNCTION progress_stage(state_name text) RETURNS varchar
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT (CASE $1
               ${arms}
               ELSE 'other' END)::varchar(12)
      $$`;
}
