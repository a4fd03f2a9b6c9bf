/** A preview's numbers (new children, new forms, updates…), each above what it counts. */
export function PreviewCounts({ title, items }: { title: string; items: Array<{ id: string; label: string; n: number }> }) {
  return (
    <div className="records-kpis" role="group" aria-label={title}>
      {items.map((i) => <p key={i.id} className="kpi" data-testid={`count-${i.id}`}><strong>{i.n.toLocaleString()}</strong><span>{i.label}</span></p>)}
    </div>
  );
}
