import { CHANNELS, ipcContract, type Channel, type ChannelArg, type ChannelResult, type IpcResult } from '../common/ipc-contract.ts';
import { isAppUrl } from './app-protocol.ts';

export type IpcHandlers = { [C in Channel]: (arg: ChannelArg<C>) => Promise<ChannelResult<C>> | ChannelResult<C> };

/** The sender of an IPC message, as Electron describes it. */
export interface SenderFrame {
  url: string;
  parent: unknown;
}

/** Only the app's own top-level frame may call the host. */
export function isTrustedSender(frame: SenderFrame | null | undefined): boolean {
  return Boolean(frame && !frame.parent && isAppUrl(frame.url));
}

/** Checks sender and payload, runs the handler, and returns a result value (never throws across the boundary). */
export async function handleIpc<C extends Channel>(channel: C, frame: SenderFrame | null | undefined, payload: unknown, handlers: IpcHandlers): Promise<IpcResult<ChannelResult<C>>> {
  if (!isTrustedSender(frame)) return { ok: false, error: `${channel}: refused, the sender is not the app's own window` };
  const parsed = ipcContract[channel].arg.safeParse(payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: `${channel}: invalid argument${issue?.path.length ? ` at "${issue.path.join('.')}"` : ''}: ${issue?.message ?? 'rejected'}` };
  }
  try {
    const handler = handlers[channel] as (arg: unknown) => Promise<ChannelResult<C>> | ChannelResult<C>;
    const value = await handler(parsed.data);
    return { ok: true, value };
  } catch (error) {
    return { ok: false, error: `${channel}: ${error instanceof Error ? error.message : String(error)}` };
  }
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: { senderFrame: SenderFrame | null }, payload: unknown) => unknown): void;
}

/** Registers one handler per channel of the contract, each checked by `handleIpc`. */
export function registerIpcHandlers(ipcMain: IpcMainLike, handlers: IpcHandlers): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event, payload) => handleIpc(channel, event.senderFrame, payload, handlers));
  }
}
