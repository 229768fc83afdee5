import type { GuestFacts, VmbusDevice } from '../../guest-facts.ts';
import type * as z from 'zod';
import { SECTION } from '../section-names.ts';
import type { SectionMap } from '../section.ts';
import { stripUndefined } from './meta.ts';
import { linesOf, observe, safeInt, type Line } from './view.ts';

/** VMBus device class ids and what they are (tools/hv/lsvmbus). */
export const VMBUS_CLASSES: Record<string, string> = {
  '0e0b6031-5213-4934-818b-38d90ced39db': 'Operating system shutdown',
  '9527e630-d0ae-497b-adce-e80ab0175caf': 'Time Synchronization',
  '57164f39-9115-4e78-ab55-382f3bd5422d': 'Heartbeat',
  'a9a0f4e7-5a45-4d96-b827-8a841e8c03e6': 'Data Exchange',
  '35fa2e29-ea23-4236-96ae-3a6ebacba440': 'Backup (volume checkpoint)',
  '34d14be3-dee4-41c8-9ae7-6b174977c192': 'Guest services',
  '525074dc-8985-46e2-8057-a307dc18a502': 'Dynamic Memory',
  'cfa8b69e-5b4a-4cc0-b98b-8ba1a1f3f95a': 'Synthetic mouse',
  'f912ad6d-2b17-48ea-bd65-f927a61c7684': 'Synthetic keyboard',
  'da0a7802-e377-4aac-8e77-0558eb1073f8': 'Synthetic framebuffer',
  'f8615163-df3e-46c5-913f-f2d2f965ed0e': 'Synthetic network adapter',
  '32412632-86cb-44a2-9b5c-50d1417354f5': 'Synthetic IDE controller',
  'ba6163d9-04a1-4d29-b605-72e2ffb1dc7f': 'Synthetic SCSI controller',
  '2f9bcc4a-0069-4af3-b76b-6fd0be528cda': 'Synthetic Fibre Channel',
  '8c2eaf3d-32a7-4b09-ab99-bd1f1c86b501': 'Synthetic RDMA',
  '44c4f61d-4444-4400-9d52-802e27ede19f': 'PCI Express pass-through',
};

const GUID = /\{?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\}?/i;

export function vmbusDeviceFacts(sections: SectionMap): Pick<GuestFacts, 'vmbusDevices'> {
  const devices: z.infer<typeof VmbusDevice>[] = [];
  const ev: Line[] = [];
  for (const line of linesOf(sections, SECTION.vmbusDevices)) {
    const id = /^([\w{}-]{1,60}) /.exec(line.text.trim())?.[1];
    const cls = /class=\{?([0-9a-f-]{36})/i.exec(line.text)?.[1]?.toLowerCase();
    if (!id || !cls) continue;
    const driver = /driver=([\w-]{1,40})/.exec(line.text)?.[1];
    const channels = safeInt(/channels=(\d{1,4})/.exec(line.text)?.[1]);
    devices.push(stripUndefined({ id: id.replace(/[{}]/g, ''), classId: cls, kind: VMBUS_CLASSES[cls], driver, channels }));
    ev.push(line);
  }
  if (devices.length === 0) {
    let pending: z.infer<typeof VmbusDevice> | undefined;
    for (const line of linesOf(sections, SECTION.lsvmbus)) {
      const cls = /Class_ID = /.test(line.text) ? GUID.exec(line.text)?.[1]?.toLowerCase() : undefined;
      if (cls) {
        pending = stripUndefined({ id: '', classId: cls, kind: VMBUS_CLASSES[cls] ?? /\[([^\]]{1,60})\]/.exec(line.text)?.[1] });
        devices.push(pending);
        ev.push(line);
        continue;
      }
      const dev = /Device_ID = /.test(line.text) ? GUID.exec(line.text)?.[1] : undefined;
      if (dev && pending) pending.id = dev.toLowerCase();
    }
  }
  return devices.length > 0 ? { vmbusDevices: observe(devices, ev) } : {};
}
