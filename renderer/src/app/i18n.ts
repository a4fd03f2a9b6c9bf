/**
 * The interface texts: one catalogue per language (content/locales/<lang>.json, ICU MessageFormat),
 * parsed at build time and loaded in its language's pack (language-pack.ts), so a reader loads only
 * the language they read. Components read them typed: `t.home`, `t.records.fill({ form })`.
 */
import type { Messages } from '../../../common/i18n/message-keys.generated.ts';

export type Strings = Messages;
export type { LooseParams as ProblemParams } from '../../../common/i18n/translator.ts';
