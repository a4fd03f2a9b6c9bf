import { useEffect, useState } from 'react';
import { CHILD_AGE_GROUPS } from '../../../common/facets.ts';
import { questionsOf } from '../../../common/forms/instrument-schema.ts';
import { exportXlsForm, xlsFormFileName } from '../../../common/forms/xlsform.ts';
import { formatRoute } from '../../../common/routes.ts';
import { foldText } from '../../../common/text.ts';
import { call } from '../bridge/index.ts';
import { findChapter } from '../app/content.ts';
import { useApp } from '../app/app-state.tsx';
import { indicators } from 'virtual:puente-catalogue/indicators';
import { instruments } from 'virtual:puente-catalogue/instruments';
import { usePrintActions } from '../app/print-actions.ts';
import { SourcePills } from '../components/SourcePills.tsx';
import { BlankForm } from './BlankForm.tsx';

type Paper = 'A4' | 'Letter';
/** What the print buttons print: the blank form, the guide for the people who apply it, or both. */
type PrintPart = 'form' | 'guide' | 'both';
let paperSheet: CSSStyleSheet | undefined;

/** Sets the printed page size (a constructed stylesheet: no inline style, so the CSP stays strict). */
function usePaperSize(paper: Paper) {
  useEffect(() => {
    paperSheet ??= new CSSStyleSheet();
    paperSheet.replaceSync(`@page { size: ${paper === 'A4' ? 'A4' : 'letter'}; margin: 14mm 14mm 16mm; }`);
    if (!document.adoptedStyleSheets.includes(paperSheet)) document.adoptedStyleSheets = [...document.adoptedStyleSheets, paperSheet];
    document.documentElement.dataset.paper = paper;
  }, [paper]);
}

/** An instrument's page: what it is for, how to use it (the guide), the blank form; print either or both, and export. */
export function InstrumentPage({ id }: { id: string }) {
  const { lang, t, settings } = useApp();
  const f = t.forms;
  const form = instruments.find((x) => x.id === id);
  const [paper, setPaper] = useState<Paper>(() => (settings.lang === 'en' && navigator.language === 'en-US' ? 'Letter' : 'A4'));
  const [status, setStatus] = useState<string | null>(null);
  const [part, setPart] = useState<PrintPart>('form');
  usePaperSize(paper);
  if (!form) return null;
  const text = form[lang];
  const count = questionsOf(form).filter((q) => q.type !== 'note').length;

  const exportForm = async () => {
    setStatus(null);
    try {
      const name = xlsFormFileName(form, lang);
      const result = await call('file:save', { suggestedName: name, bytes: exportXlsForm(form, lang), filter: 'xlsx' });
      setStatus(result.saved ? (result.path ? f.exported({ f: result.path }) : f.exportedDownload) : null);
    } catch (e) {
      setStatus(`${f.exportError} ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  const printing = usePrintActions(part === 'form' ? form.id : `${form.id}-${part === 'guide' ? 'guide' : 'guide-and-form'}`, paper);

  return (
    <div className="instrument" data-print={part}>
      <div className="instrument-guide">
        <header className="guide-print-header print-only">
          <h2>{f.guideTitle({ title: text.title })} <span className="nowrap">· {f.version} {form.version}</span></h2>
          <p>{text.purpose}</p>
        </header>
        <dl className="instrument-facts">
          <div><dt>{f.whoApplies}</dt><dd>{text.whoApplies}</dd></div>
          <div><dt>{f.when}</dt><dd>{text.when}</dd></div>
          <div><dt>{f.duration}</dt><dd>{text.duration} · {f.questions({ n: count })}</dd></div>
          <div><dt>{f.training}</dt><dd>{text.training}</dd></div>
          {form.feeds.length > 0 && (
            <div>
              <dt>{f.feeds}</dt>
              <dd>
                {form.feeds.map((iid, i) => {
                  const ind = indicators.find((x) => x.id === iid);
                  return <span key={iid}>{i > 0 && ', '}<a href={formatRoute({ kind: 'chapter', lang, chapterId: 'indicators', anchor: `indicator-${iid}` })}>{ind?.[lang].name ?? iid}</a></span>;
                })}
              </dd>
            </div>
          )}
          <div><dt>{f.sources}</dt><dd><SourcePills list={form.sources} /></dd></div>
        </dl>
      </div>
      <p className="muted">{f.template}</p>
      <div className="instrument-toolbar" role="group">
        <label>
          <span>{f.paper}</span>
          <select value={paper} onChange={(e) => setPaper(e.target.value as Paper)} data-testid="paper-size">
            <option value="A4">A4</option>
            <option value="Letter">Letter</option>
          </select>
        </label>
        <label>
          <span>{f.printWhat}</span>
          <select value={part} onChange={(e) => setPart(e.target.value as PrintPart)} data-testid="print-part">
            <option value="form">{f.printForm}</option>
            <option value="guide">{f.printGuide}</option>
            <option value="both">{f.printBoth}</option>
          </select>
        </label>
        <button type="button" onClick={() => void printing.print()} data-testid="print-form">{t.print}</button>
        <button type="button" onClick={() => void printing.savePdf()} data-testid="save-pdf">{f.savePdf}</button>
        <button type="button" className="button-primary" onClick={exportForm} data-testid="export-xlsform">{f.exportXls}</button>
        {form.kind === 'monitoring' && <a className="button" href={formatRoute({ kind: 'chapter', lang, chapterId: 'field-records' })}>{f.fillInApp}</a>}
      </div>
      {status && <p role="status" className="instrument-status">{status}</p>}
      {printing.status && <p role="status" className={`instrument-status ${printing.status.ok ? 'status-ok' : 'status-error'}`}>{printing.status.text}</p>}
      <BlankForm form={form} />
    </div>
  );
}

/** <InstrumentList kind/>: every instrument of a kind, with its purpose and duration. */
export function InstrumentList({ kind }: { kind: 'baseline' | 'monitoring' }) {
  const { lang, t } = useApp();
  return (
    <ul className="instrument-list">
      {instruments.filter((f) => f.kind === kind).map((form) => (
        <li key={form.id}>
          <a href={findChapter(lang, form.id)?.route ?? formatRoute({ kind: 'chapter', lang, chapterId: form.id })}><strong>{form[lang].title}</strong></a>
          <span className="muted"> · {form[lang].duration} · {t.forms.questions({ n: questionsOf(form).filter((q) => q.type !== 'note').length })}</span>
          <p>{form[lang].purpose}</p>
        </li>
      ))}
    </ul>
  );
}

/** <IndicatorCatalogue/>: every indicator, filterable by objective, age group and type. */
export function IndicatorCatalogue() {
  const { lang, t } = useApp();
  const f = t.forms;
  const [objective, setObjective] = useState('');
  const [ageGroup, setAgeGroup] = useState('');
  const [type, setType] = useState('');
  const [query, setQuery] = useState('');
  const q = foldText(query.trim());
  const shown = indicators.filter((ind) =>
    (!objective || ind.objective === objective) &&
    (!type || ind.type === type) &&
    (!ageGroup || ind.ageGroups.includes(ageGroup as never) || ind.ageGroups.includes('all')) &&
    (!q || foldText(`${ind[lang].name} ${ind[lang].definition}`).includes(q)));
  const fedBy = (iid: string) => instruments.filter((form) => form.feeds.includes(iid));
  const objectives = [...new Set(indicators.map((i) => i.objective))];
  return (
    <div className="indicator-catalogue">
      <div className="community-filters" role="group" aria-label={f.catalogueFilter}>
        <label><span>{f.objective}</span>
          <select value={objective} onChange={(e) => setObjective(e.target.value)} data-filter="objective">
            <option value="">{f.all}</option>
            {objectives.map((o) => <option key={o} value={o}>{t.objective[o]}</option>)}
          </select>
        </label>
        <label><span>{f.ageGroup}</span>
          <select value={ageGroup} onChange={(e) => setAgeGroup(e.target.value)} data-filter="age-group">
            <option value="">{f.all}</option>
            {CHILD_AGE_GROUPS.map((a) => <option key={a} value={a}>{t.value[a]}</option>)}
          </select>
        </label>
        <label><span>{f.type}</span>
          <select value={type} onChange={(e) => setType(e.target.value)} data-filter="type">
            <option value="">{f.all}</option>
            <option value="outcome">{f.outcome}</option>
            <option value="activity">{f.activity}</option>
          </select>
        </label>
        <label><span>{f.catalogueFilter}</span><input type="search" value={query} onChange={(e) => setQuery(e.target.value)} /></label>
        <span className="muted" role="status">{f.shownIndicators({ n: shown.length, t: indicators.length })}</span>
      </div>
      {shown.map((ind) => (
        <article key={ind.id} id={`indicator-${ind.id}`} className="indicator" data-indicator={ind.id}>
          <h3>{ind[lang].name} <span className={`tag tag-${ind.type}`}>{ind.type === 'outcome' ? f.outcome : f.activity}</span></h3>
          <p className="muted">{t.objective[ind.objective]} · {t.frequency[ind.frequency]} · {ind.ageGroups.map((a) => t.value[a]).join(', ')}</p>
          <dl>
            <div><dt>{f.definition}</dt><dd>{ind[lang].definition}</dd></div>
            <div><dt>{f.formula}</dt><dd>{ind[lang].formula}</dd></div>
            {ind.disaggregation.length > 0 && <div><dt>{f.disaggregation}</dt><dd>{ind.disaggregation.map((d) => t.disaggregation[d]).join(', ')}</dd></div>}
            <div><dt>{f.verification}</dt><dd>{ind[lang].meansOfVerification}</dd></div>
            {fedBy(ind.id).length > 0 && (
              <div><dt>{f.fedBy}</dt><dd>{fedBy(ind.id).map((form, i) => <span key={form.id}>{i > 0 && ', '}<a href={formatRoute({ kind: 'chapter', lang, chapterId: form.id })}>{form[lang].title}</a></span>)}</dd></div>
            )}
            {ind[lang].note && <div><dt>⚠</dt><dd>{ind[lang].note}</dd></div>}
          </dl>
          <p><SourcePills list={ind.sources} /></p>
        </article>
      ))}
    </div>
  );
}
