/** Who may call the IPC registry: the main frame of one of our windows, showing the app. */
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { isAppUrl } from './app-url';

type SenderEvent = Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>;

/**
 * @param isOurWindow says whether the sending contents belong to one of our BrowserWindows
 *   (injected so the check runs without Electron in tests)
 */
export function isTrustedSender(
  event: SenderEvent,
  isOurWindow: (contents: WebContents) => boolean,
  devServerUrl?: string,
): boolean {
  // senderFrame is null once the frame has navigated away or been destroyed.
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  const top = event.sender.mainFrame;
  const isMainFrame = frame.processId === top.processId && frame.routingId === top.routingId;
  return isMainFrame && isOurWindow(event.sender) && isAppUrl(frame.url, devServerUrl);
}
