import type { MergePreview } from '../../../common/records/records-api.ts';
import { useApp } from '../app/app-state.tsx';
import { PreviewCounts } from './PreviewCounts.tsx';
import { ProblemList } from './ProblemList.tsx';

/** What merging a backup would do: whose laptop it comes from, what it holds, the counts and the forms it will not take. */
export function MergeSummary({ preview, backupName }: { preview: MergePreview; backupName: string }) {
  const { t } = useApp();
  const m = t.records.merge;
  return (
    <div data-testid="merge-preview">
      <h4 data-testid="merge-from">{m.previewTitle({ name: backupName })}</h4>
      {preview.sameDevice && <p className="status-error">{m.sameDevice}</p>}
      <p>{m.inBackup({ children: preview.backup.children, forms: preview.backup.entries })}</p>
      <PreviewCounts title={t.records.serverImport.counts} items={[
        { id: 'new-children', label: m.newChildren, n: preview.newChildren },
        { id: 'new-forms', label: m.newForms, n: preview.newForms },
        { id: 'updates', label: m.updates, n: preview.updates },
        { id: 'unchanged', label: m.unchanged, n: preview.unchanged },
        ...(preview.deletedHere ? [{ id: 'deleted-here', label: m.deletedHere, n: preview.deletedHere }] : []),
        ...(preview.deletedThere ? [{ id: 'deleted-there', label: m.deletedThere, n: preview.deletedThere }] : []),
      ]} />
      <ProblemList title={m.problemsTitle} problems={preview.problems} total={preview.problemsTotal} testId="merge-problems" />
    </div>
  );
}
