/**
 * The codes of the field records' refusals, on their own so the engine files that throw them and
 * refusal-words.ts, which words them, do not import each other.
 */

/** Why a request was refused, as a code the reader's screen words in its own language. */
export type RecordsErrorCode =
  | 'not-a-database' | 'newer-version' | 'wrong-passphrase' | 'locked' | 'invalid' | 'not-found' | 'conflict'
  | 'empty-file' | 'not-puente' | 'bad-version' | 'bad-encryption' | 'missing-table' | 'missing-column' | 'bad-row' | 'unreadable' | 'would-lose' | 'no-undo'
  | 'cancelled'
  | 'not-an-export' | 'damaged-export' | 'no-root-table' | 'unknown-form' | 'cut-short' | 'needs-decision'
  | 'not-monitoring-form' | 'no-date' | 'child-not-registered' | 'code-taken' | 'code-required' | 'moves-child'
  | 'child-gone' | 'entry-gone' | 'registration-of-child' | 'not-a-registration' | 'is-a-registration' | 'unknown-result'
  | 'not-encrypted' | 'newer-encryption' | 'passphrase-too-short' | 'invalid-request' | 'previous-copy-open' | 'records-damaged' | 'portable-edition';

/** Why a CSV file cannot be read: the code, and where (refusal-words.ts words it). */
export type CsvParseCode = 'not-utf8' | 'unclosed-quote' | 'text-after-quote' | 'quote-in-cell' | 'empty';
