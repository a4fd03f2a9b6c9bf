/**
 * A catalogue as the interface reads it: `t.records.tabs.register` is the text, and a message with
 * placeholders is a function of them, `t.records.fill({ form })` (the Messages type, generated).
 */
import type { LooseParams } from './catalogue.ts';
import type { Messages } from './message-keys.generated.ts';
import type { Translator } from './translator.ts';

type Node = { [name: string]: Node | string | ((params?: LooseParams) => string) };

export function messageView(t: Translator): Messages {
  const root: Node = {};
  for (const key of t.keys()) {
    const path = key.split('.');
    let node = root;
    for (const part of path.slice(0, -1)) node = (node[part] ??= {}) as Node;
    const leaf = path[path.length - 1];
    // Each message is read (and its text made) when first used, so a language pack is ready at once.
    Object.defineProperty(node, leaf, {
      enumerable: true,
      configurable: true,
      get() {
        const value = t.argumentsOf(key).length === 0 ? t.formatLoose(key)! : (params?: LooseParams) => t.formatLoose(key, params)!;
        Object.defineProperty(this, leaf, { value, enumerable: true });
        return value;
      },
    });
  }
  return root as unknown as Messages;
}
