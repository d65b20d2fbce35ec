/** Electron main: one window, the security policy, the IPC registry over the core. */
import { join } from 'node:path';
import { app, BrowserWindow, Menu, session } from 'electron';
import { APP_NAME, resolveDataDir } from '../core/data-dir';
import { VariantDeskCore } from '../core/variantdesk-core';
import { registerIpc } from './ipc';
import { secureSession, secureWebContents, secureWebPreferences } from './security';

app.setName(APP_NAME);
const devServerUrl = process.env.ELECTRON_RENDERER_URL;
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
    webPreferences: secureWebPreferences(join(import.meta.dirname, '../preload/index.cjs')),
  });
  window.once('ready-to-show', () => window.show());
  if (devServerUrl) void window.loadURL(devServerUrl);
  else void window.loadFile(join(import.meta.dirname, '../renderer/index.html'));
  return window;
}

app.on('web-contents-created', (_event, contents) => secureWebContents(contents, devServerUrl));

void app.whenReady().then(() => {
  secureSession(session.defaultSession, devServerUrl);
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
