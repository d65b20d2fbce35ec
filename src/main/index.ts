/** Electron main: one window, the security policy, the IPC registry over the core. */
import { join } from 'node:path';
import { app, BrowserWindow, Menu, protocol, session } from 'electron';
import { APP_NAME, resolveDataDir } from '../core/data-dir';
import { VariantDeskCore } from '../core/variantdesk-core';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './app-protocol';
import { APP_ENTRY_URL, APP_SCHEME } from './app-url';
import { registerIpc } from './ipc';
import { secureSession, secureWebContents, secureWebPreferences } from './security';

app.setName(APP_NAME);
// Set only by `electron-vite dev`; a packaged app never loads a dev server.
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL || undefined;
const devTools = !app.isPackaged;
const rendererDir = join(import.meta.dirname, '../renderer');
// Must precede `ready`: the renderer's origin is app://renderer, never file://.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);
const dataDirFlag = process.argv
  .find((arg) => arg.startsWith('--data-dir='))
  ?.slice('--data-dir='.length);

let core: VariantDeskCore | null = null;

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    title: APP_NAME,
    show: false,
    webPreferences: secureWebPreferences(join(import.meta.dirname, '../preload/index.cjs'), {
      devTools,
    }),
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(devServerUrl ?? APP_ENTRY_URL);
  return window;
}

app.on('web-contents-created', (_event, contents) => secureWebContents(contents, devServerUrl));

void app.whenReady().then(() => {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir));
  secureSession(session.defaultSession, { devServerUrl, devTools });
  core = new VariantDeskCore(resolveDataDir(dataDirFlag, app.getPath('userData')));
  registerIpc(core, devServerUrl);
  Menu.setApplicationMenu(
    Menu.buildFromTemplate([
      { role: process.platform === 'darwin' ? 'appMenu' : 'fileMenu' },
      { role: 'editMenu' },
      { role: 'viewMenu' },
      { role: 'windowMenu' },
    ]),
  );
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

let quitting = false;
app.on('before-quit', (event) => {
  if (quitting || !core) return;
  // Running imports are cancelled and rolled back before the registry closes.
  event.preventDefault();
  quitting = true;
  void core.close().finally(() => app.quit());
});
