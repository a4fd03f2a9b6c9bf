import { describe, expect, it } from 'vitest';
import { failureMessage } from '../../renderer/src/bridge/failure-message.ts';

describe('a failed bridge call’s message', () => {
  it('names the channel once, whether or not the host named it (the presentation said “presentation:audience: presentation:audience: …”)', () => {
    expect(failureMessage('presentation:audience', 'presentation:audience: no second display')).toBe('presentation:audience: no second display');
    expect(failureMessage('presentation:audience', 'no second display')).toBe('presentation:audience: no second display');
  });

  it('keeps a refusal of the records host readable by its code after one channel name', () => {
    expect(failureMessage('records:call', 'records:call: [wrong-passphrase] wrong passphrase')).toMatch(/^records:call: \[wrong-passphrase\]/);
  });
});
