import type { RecordsResults } from '../../../common/records/records-api.ts';
import type { EntryProvenance } from '../../../common/records/records-store.ts';
import { useApp } from '../app/app-state.tsx';
import type { Strings } from '../app/i18n.ts';

export type KnownDevices = RecordsResults['child-history']['devices'];

/** Where a form came from: this laptop, another laptop by its name, or a server with its submission id and the day it was imported. */
export function originText(o: Pick<EntryProvenance, 'origin' | 'deviceId' | 'server'> & { submissionId?: string | null; importedAt?: string | null }, devices: KnownDevices, r: Strings['records']): string {
  const device = devices.find((d) => d.id === o.deviceId);
  if (o.origin === 'server') {
    const server = r.serverName[o.server ?? ''] ?? o.server ?? '';
    const where = device && !device.here ? r.origin.importedOn({ name: device.name }) : '';
    return `${r.origin.server({ server, id: o.submissionId ?? '—', date: o.importedAt?.slice(0, 10) ?? '—' })}${where}`;
  }
  if (!device) return r.origin.unknownLaptop;
  return device.here ? r.origin.thisLaptop({ name: device.name }) : r.origin.otherLaptop({ name: device.name });
}

/** One line under a saved form saying where it came from. */
export function EntryOrigin({ provenance, devices }: { provenance: EntryProvenance; devices: KnownDevices }) {
  const r = useApp().t.records;
  return <p className="muted entry-origin" data-testid="entry-origin">{originText(provenance, devices, r)}</p>;
}
