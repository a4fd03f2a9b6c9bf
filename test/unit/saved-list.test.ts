import { describe, expect, it } from 'vitest';
import { idToSave, putById, removeById } from '../../common/saved-list.ts';

const plans = [{ id: 'a', name: 'Chima' }, { id: 'b', name: 'Llipa' }];
const fresh = () => 'new';

describe('saved lists (profiler plans and workshops)', () => {
  it('saving an open plan writes over it; "save as" or nothing open makes a new one', () => {
    expect(idToSave(plans, 'b', false, fresh)).toBe('b');
    expect(idToSave(plans, 'b', true, fresh)).toBe('new');
    expect(idToSave(plans, null, false, fresh)).toBe('new');
  });

  it('a save replaces the copy with the same id in its place, or adds the new one at the end', () => {
    expect(putById(plans, { id: 'a', name: 'Chima 2' })).toEqual([{ id: 'a', name: 'Chima 2' }, { id: 'b', name: 'Llipa' }]);
    expect(putById(plans, { id: 'c', name: 'Ponce' }).map((p) => p.id)).toEqual(['a', 'b', 'c']);
    expect(plans.map((p) => p.name), 'the list shown is not changed in place').toEqual(['Chima', 'Llipa']);
  });

  it('a delete removes only that one', () => {
    expect(removeById(plans, 'a')).toEqual([{ id: 'b', name: 'Llipa' }]);
    expect(removeById(plans, 'x')).toEqual(plans);
  });
});
