/** Exposes the contract, and nothing else, as `window.variantdesk`. */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import type { Operations, VariantDeskApi } from '../shared/contract';
import {
  ipcChannel,
  JOB_EVENT_CHANNEL,
  operationNames,
  type IpcReply,
} from '../shared/operation-names';
import type { JobEvent } from '../shared/types';

const operations = Object.fromEntries(
  operationNames.map((name) => [
    name,
    async (input: unknown) => {
      const reply = (await ipcRenderer.invoke(ipcChannel(name), input ?? {})) as IpcReply<unknown>;
      if (!reply.ok) throw new Error(reply.error.message);
      return reply.value;
    },
  ]),
) as unknown as Operations;

const api = {
  ...operations,
  runtime: 'electron',
  onJobEvent(listener: (event: JobEvent) => void): () => void {
    const handler = (_event: Electron.IpcRendererEvent, payload: JobEvent): void =>
      listener(payload);
    ipcRenderer.on(JOB_EVENT_CHANNEL, handler);
    return () => ipcRenderer.off(JOB_EVENT_CHANNEL, handler);
  },
  async stageFiles(files: File[]) {
    return files.map((file) => ({ path: webUtils.getPathForFile(file), name: file.name }));
  },
} satisfies VariantDeskApi;

contextBridge.exposeInMainWorld('variantdesk', api);
