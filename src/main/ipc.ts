/**
 * The one IPC registry: checks that the sender is the main frame of one of our windows
 * showing the app (ipc-sender.ts), validates input with the contract's schema (inside
 * core.call), and replies with an envelope so errors keep their kind.
 */
import { BrowserWindow, ipcMain, type WebContents } from 'electron';
import {
  ipcChannel,
  JOB_EVENT_CHANNEL,
  operationNames,
  type IpcReply,
} from '../shared/operation-names';
import { serializeError } from '../core/errors';
import type { VariantDeskCore } from '../core/variantdesk-core';
import { isTrustedSender } from './ipc-sender';

const isOurWindow = (contents: WebContents): boolean =>
  BrowserWindow.fromWebContents(contents) !== null;

export function registerIpc(core: VariantDeskCore, devServerUrl?: string): () => void {
  for (const name of operationNames) {
    ipcMain.handle(ipcChannel(name), async (event, input: unknown): Promise<IpcReply<unknown>> => {
      if (!isTrustedSender(event, isOurWindow, devServerUrl)) {
        return {
          ok: false,
          error: {
            kind: 'invalid-input',
            message: `${name}: request refused, its frame (${event.senderFrame?.url ?? 'gone'}) is not the app's main frame`,
          },
        };
      }
      try {
        return { ok: true, value: await core.call(name, input) };
      } catch (error) {
        return { ok: false, error: serializeError(error) };
      }
    });
  }
  const unsubscribe = core.onJobEvent((event) => {
    for (const window of BrowserWindow.getAllWindows())
      window.webContents.send(JOB_EVENT_CHANNEL, event);
  });
  return () => {
    unsubscribe();
    for (const name of operationNames) ipcMain.removeHandler(ipcChannel(name));
  };
}
