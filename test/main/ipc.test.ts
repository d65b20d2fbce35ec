import { afterEach, describe, expect, it, vi } from 'vitest';
import { ipcChannel } from '../../src/shared/operation-names';

// Electron's main-process modules, faked: the registry records its handlers, and the one
// window we own is the contents object `ourContents`.
const handlers = new Map<string, (event: unknown, input: unknown) => Promise<unknown>>();
const ourContents = { mainFrame: { url: '', processId: 4, routingId: 1, parent: null } };
vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, handler: (event: unknown, input: unknown) => Promise<unknown>) =>
      handlers.set(channel, handler),
    removeHandler: (channel: string) => handlers.delete(channel),
  },
  BrowserWindow: {
    fromWebContents: (contents: unknown) => (contents === ourContents ? {} : null),
    getAllWindows: () => [],
  },
}));

const { registerIpc } = await import('../../src/main/ipc');

function fakeCore() {
  return { call: vi.fn(async () => ['dataset']), onJobEvent: () => () => undefined };
}

function eventFrom(url: string, contents: { mainFrame: typeof ourContents.mainFrame }) {
  contents.mainFrame.url = url;
  return { sender: contents, senderFrame: contents.mainFrame };
}

let unregister: (() => void) | undefined;
afterEach(() => unregister?.());

describe('IPC registry', () => {
  it('runs an operation for the app page in our window', async () => {
    const core = fakeCore();
    unregister = registerIpc(core as never);
    const reply = await handlers.get(ipcChannel('listDatasets'))!(
      eventFrom('app://renderer/index.html', ourContents),
      {},
    );
    expect(reply).toEqual({ ok: true, value: ['dataset'] });
    expect(core.call).toHaveBeenCalledWith('listDatasets', {});
  });

  it('refuses, naming the operation and the frame, a file:// page in our window', async () => {
    const core = fakeCore();
    unregister = registerIpc(core as never);
    const reply = await handlers.get(ipcChannel('deleteDataset'))!(
      eventFrom('file:///home/analyst/Downloads/evil.html', ourContents),
      { datasetId: 'd1' },
    );
    expect(reply).toMatchObject({
      ok: false,
      error: {
        kind: 'invalid-input',
        message: expect.stringMatching(/^deleteDataset: .*file:\/\/\/home\/analyst/),
      },
    });
    expect(core.call).not.toHaveBeenCalled();
  });

  it('refuses the app URL from contents that are not one of our windows', async () => {
    const core = fakeCore();
    unregister = registerIpc(core as never);
    const stranger = { mainFrame: { url: '', processId: 9, routingId: 1, parent: null } };
    const reply = await handlers.get(ipcChannel('listDatasets'))!(
      eventFrom('app://renderer/index.html', stranger),
      {},
    );
    expect(reply).toMatchObject({ ok: false });
    expect(core.call).not.toHaveBeenCalled();
  });
});
