/**
 * A catalogue as the interface reads it: `t.records.tabs.register` is the text, and a message with
 * placeholders is a function of them, `t.records.fill({ form })` (the Messages type, generated).
 */
import type { Messages } from './message-keys.generated.ts';
import type { LooseParams, Translator } from './translator.ts';

type Node = { [name: string]: Node | string | ((params?: LooseParams) => string) };

export function messageView(t: Translator): Messages {
  const root: Node = {};
  for (const key of t.keys()) {
    const path = key.split('.');
    let node = root;
    for (const part of path.slice(0, -1)) node = (node[part] ??= {}) as Node;
    const leaf = path[path.length - 1];
    node[leaf] = t.argumentsOf(key).length === 0 ? t.formatLoose(key)! : (params?: LooseParams) => t.formatLoose(key, params)!;
  }
  return root as unknown as Messages;
}
