import { describe, expect, it, vi } from 'vitest';
import { askAboutUnsavedRecords, saveEverythingBeforeQuit, type MessageBoxOptions, type QuitFlowDeps, type UnsavedRecordsChoice } from '../../electron/quit-flow.ts';

/** A quit whose records write fails `failures` times, with the person's answers given in order. */
function quitDeps(o: { failures: number; answers?: UnsavedRecordsChoice[]; backups?: boolean[]; pending?: number; canAsk?: boolean }) {
  const events: string[] = [];
  let failures = o.failures;
  const answers = [...(o.answers ?? [])];
  const backups = [...(o.backups ?? [])];
  const deps: QuitFlowDeps = {
    flushFiles: [async () => void events.push('files')],
    flushRecords: async () => {
      events.push('records');
      if (failures-- > 0) throw new Error('ENOSPC: no space left on device');
    },
    pendingRecordChanges: async () => o.pending,
    ...(o.canAsk === false ? {} : {
      ask: async (failure) => {
        events.push(`ask ${failure.changes} ${failure.error}`);
        const answer = answers.shift();
        if (!answer) throw new Error('asked more often than the test expected');
        return answer;
      },
    }),
    saveRecordsBackup: async () => {
      events.push('backup');
      return backups.shift() ?? false;
    },
    log: (m) => void events.push(`log ${m}`),
  };
  return { deps, events };
}

describe('writing everything before the app exits', () => {
  it('writes the files and the records, and asks nothing when they are written', async () => {
    const { deps, events } = quitDeps({ failures: 0 });
    expect(await saveEverythingBeforeQuit(deps)).toBe('saved');
    expect(events.sort()).toEqual(['files', 'records']);
  });

  it('asks when the records cannot be written, with how many changes and why, and tries again when told', async () => {
    const { deps, events } = quitDeps({ failures: 1, answers: ['retry'], pending: 3 });
    expect(await saveEverythingBeforeQuit(deps)).toBe('saved');
    expect(events.filter((e) => e !== 'files')).toEqual(['records', 'ask 3 ENOSPC: no space left on device', 'records']);
  });

  it('keeps asking while the retries fail: it never gives up on its own', async () => {
    const { deps, events } = quitDeps({ failures: 3, answers: ['retry', 'retry', 'retry'], pending: 1 });
    expect(await saveEverythingBeforeQuit(deps)).toBe('saved');
    expect(events.filter((e) => e.startsWith('ask'))).toHaveLength(3);
  });

  it('quits once a copy of the records is saved elsewhere; a cancelled save dialog asks again', async () => {
    const { deps, events } = quitDeps({ failures: 1, answers: ['backup', 'backup'], backups: [false, true], pending: 2 });
    expect(await saveEverythingBeforeQuit(deps)).toBe('backed-up');
    expect(events.filter((e) => e !== 'files')).toEqual(['records', 'ask 2 ENOSPC: no space left on device', 'backup', 'ask 2 ENOSPC: no space left on device', 'backup']);
  });

  it('a backup that fails to write is asked about again, with its own error', async () => {
    const { deps, events } = quitDeps({ failures: 1, answers: ['backup', 'quit'], pending: 2 });
    deps.saveRecordsBackup = async () => {
      throw new Error('EACCES: the USB stick is read-only');
    };
    expect(await saveEverythingBeforeQuit(deps)).toBe('discarded');
    expect(events.filter((e) => e.startsWith('ask'))).toEqual(['ask 2 ENOSPC: no space left on device', 'ask 2 EACCES: the USB stick is read-only']);
  });

  it('loses the changes only when the person chooses to, and says so in the log', async () => {
    const { deps, events } = quitDeps({ failures: 1, answers: ['quit'], pending: 4 });
    expect(await saveEverythingBeforeQuit(deps)).toBe('discarded');
    expect(events.at(-1)).toMatch(/^log records: the person chose to quit without 4 unsaved changes/);
  });

  it('when no one can be asked (Windows is ending the session) it logs what was lost instead of waiting', async () => {
    const { deps, events } = quitDeps({ failures: 1, pending: 5, canAsk: false });
    expect(await saveEverythingBeforeQuit(deps)).toBe('lost');
    expect(events.at(-1)).toMatch(/^log records: 5 changes could not be written: ENOSPC/);
  });

  it('waits for every file even when one fails, and logs the failure', async () => {
    const { deps, events } = quitDeps({ failures: 0 });
    let slowDone = false;
    deps.flushFiles = [
      async () => { throw new Error('settings.json: EROFS'); },
      () => new Promise<void>((r) => setTimeout(() => { slowDone = true; r(); }, 20)),
    ];
    expect(await saveEverythingBeforeQuit(deps)).toBe('saved');
    expect(slowDone).toBe(true);
    expect(events).toContain('log could not write before quitting: settings.json: EROFS');
  });
});

describe('the question about unsaved records', () => {
  const asked = async (lang: 'en' | 'es', changes: number | undefined, response: number) => {
    const show = vi.fn(async (_o: MessageBoxOptions) => ({ response }));
    const choice = await askAboutUnsavedRecords(show, lang, { changes, error: 'ENOSPC: no space left on device', problem: 'disk-full' });
    return { choice, options: show.mock.calls[0]![0] };
  };

  it('is in the reader’s language, names the count and the error, and maps each button to its choice', async () => {
    const es = await asked('es', 3, 2);
    expect(es.choice).toBe('quit');
    expect(es.options.message).toBe('Puente no pudo guardar los registros de campo.');
    expect(es.options.detail).toContain('3 cambios en los registros de campo todavía no están en el disco');
    // Why, in the reader's language; the system's own words only as the technical detail.
    expect(es.options.detail).toContain('El disco está lleno.');
    expect(es.options.detail).toMatch(/Detalle técnico: ENOSPC: no space left on device$/);
    expect(es.options.detail).not.toMatch(/El error fue/);
    expect(es.options.buttons).toEqual(['Reintentar', 'Guardar una copia en otro lugar…', 'Salir y perder 3 cambios']);
    const en = await asked('en', 1, 1);
    expect(en.choice).toBe('backup');
    expect(en.options.detail).toMatch(/^1 change to the field records is not on disk yet/);
    expect(en.options.buttons).toEqual(['Try again', 'Save a copy elsewhere…', 'Quit and lose 1 change']);
    expect((await asked('en', undefined, 0)).options.buttons[2]).toBe('Quit and lose some changes');
  });

  it('treats Escape or a closed box as "try again", never as "lose"', async () => {
    const { choice, options } = await asked('en', 2, 0);
    expect(choice).toBe('retry');
    expect(options.cancelId).toBe(0);
    expect(options.defaultId).toBe(0);
    expect((await asked('en', 2, 99)).choice).toBe('retry');
  });
});
