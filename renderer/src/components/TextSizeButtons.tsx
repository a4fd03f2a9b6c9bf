import { useApp } from '../app/app-state.tsx';

/** A− / A+: the reader's text size, in the top bar and, where the top bar has no room, in the menu. */
export function TextSizeButtons() {
  const { t, changeTextSize, settings } = useApp();
  return (
    <div className="text-size" role="group" aria-label={t.textSize}>
      <button type="button" className="icon-button" onClick={() => changeTextSize(-1)} disabled={settings.textSize <= 0.875} title={t.textSmaller}><span aria-hidden="true">A−</span><span className="visually-hidden">{t.textSmaller}</span></button>
      <button type="button" className="icon-button" onClick={() => changeTextSize(1)} disabled={settings.textSize >= 1.5} title={t.textBigger}><span aria-hidden="true">A+</span><span className="visually-hidden">{t.textBigger}</span></button>
    </div>
  );
}
