/**
 * The one IPC registry: checks that the sender is one of our windows showing our page,
 * validates input with the contract's schema (inside core.call), and replies with an
 * envelope so errors keep their kind.
 */
import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import {
  ipcChannel,
  JOB_EVENT_CHANNEL,
  operationNames,
  type IpcReply,
} from '../shared/operation-names';
import { serializeError } from '../core/errors';
import type { VariantDeskCore } from '../core/variantdesk-core';
import { isAppUrl } from './security';

function trustedSender(event: IpcMainInvokeEvent, devServerUrl?: string): boolean {
  const window = BrowserWindow.fromWebContents(event.sender);
  const url = event.senderFrame?.url ?? '';
  return window !== null && isAppUrl(url, devServerUrl);
}

export function registerIpc(core: VariantDeskCore, devServerUrl?: string): () => void {
  for (const name of operationNames) {
    ipcMain.handle(ipcChannel(name), async (event, input: unknown): Promise<IpcReply<unknown>> => {
      if (!trustedSender(event, devServerUrl)) {
        return {
          ok: false,
          error: { kind: 'invalid-input', message: 'request from an untrusted frame refused' },
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
