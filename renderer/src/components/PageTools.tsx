import type { NavChapter } from '../../../common/navigation.ts';
import { formatRoute } from '../../../common/routes.ts';
import { useApp } from '../app/app-state.tsx';
import { usePrintActions } from '../app/print-actions.ts';
import { PRINT_SECTION_ID } from '../app/app-pages.ts';

/** Present, print the chapter, print its whole section, save as PDF. */
export function PageTools({ chapter, onPresent }: { chapter: NavChapter; onPresent(): void }) {
  const { lang, t } = useApp();
  const { status, print, savePdf } = usePrintActions(chapter.id);
  return (
    <div className="page-tools" role="group" aria-label={t.printing.chapter}>
      <button type="button" onClick={onPresent} data-testid="present">{t.present.start}</button>
      <button type="button" onClick={print}>{t.printing.chapter}</button>
      <a className="button" href={formatRoute({ kind: 'chapter', lang, chapterId: PRINT_SECTION_ID, anchor: chapter.section })} data-testid="print-section">{t.printing.section}</a>
      <button type="button" onClick={() => void savePdf()}>{t.printing.savePdf}</button>
      {status && <span role="status" className={status.ok ? 'status-ok' : 'status-error'}>{status.text}</span>}
    </div>
  );
}
