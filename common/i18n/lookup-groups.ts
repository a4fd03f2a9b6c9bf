/**
 * Groups of messages read by a value known only at run time (a status, a facet value, a refusal's
 * code): their type is a table by any key, not one member per message (message-keys.generated.ts).
 */
export const LOOKUP_GROUPS: readonly string[] = [
  'value', 'objective', 'frequency', 'disaggregation', 'callout', 'category', 'workshop.method',
  'records.sortBy', 'records.statusName', 'records.ageName', 'records.saveProblem', 'records.passphraseEffect', 'records.taskName',
  'records.errors', 'records.importErrors', 'records.exportKinds', 'records.serverName', 'records.problems', 'records.csvReading',
  'records.serverImport.recognisedBy', 'records.serverImport.format', 'records.serverImport.headers',
  'records.merge.duplicateReason', 'records.origin.reason', 'community.value', 'workshop.part',
];
