import { describe, expect, it } from 'vitest';
import { isTrustedSender } from '../../src/main/ipc-sender';

// The parts of an IpcMainInvokeEvent the check reads: the sending WebContents with its main
// frame, and the frame that sent the message.
interface FakeFrame {
  url: string;
  processId: number;
  routingId: number;
  parent: FakeFrame | null;
}

const mainFrame = (url: string): FakeFrame => ({ url, processId: 4, routingId: 1, parent: null });

function eventFrom(frame: FakeFrame | null, top: FakeFrame = frame ?? mainFrame('')) {
  return { sender: { mainFrame: top }, senderFrame: frame } as never;
}

const ours = () => true;
const DEV = 'http://localhost:5173';

describe('IPC sender check', () => {
  it('trusts the main frame of one of our windows showing the app', () => {
    expect(isTrustedSender(eventFrom(mainFrame('app://renderer/index.html')), ours)).toBe(true);
  });

  it('refuses a sender that is not one of our windows', () => {
    expect(isTrustedSender(eventFrom(mainFrame('app://renderer/index.html')), () => false)).toBe(
      false,
    );
  });

  it('refuses a sub-frame, even one showing an app URL', () => {
    const top = mainFrame('app://renderer/index.html');
    const child: FakeFrame = {
      url: 'app://renderer/index.html',
      processId: 4,
      routingId: 7,
      parent: top,
    };
    expect(isTrustedSender(eventFrom(child, top), ours)).toBe(false);
  });

  it('refuses a frame that is not the main frame of the sending contents', () => {
    const top = mainFrame('app://renderer/index.html');
    const other: FakeFrame = { ...top, routingId: 2 };
    expect(isTrustedSender(eventFrom(other, top), ours)).toBe(false);
  });

  it('refuses a main frame showing any other page, a file:// one included', () => {
    for (const url of [
      'file:///home/analyst/evil.html',
      'https://example.org/',
      'app://evil/index.html',
      'http://localhost:5173.evil.com/',
    ]) {
      expect(isTrustedSender(eventFrom(mainFrame(url)), ours, DEV), url).toBe(false);
    }
  });

  it('refuses a sender whose frame is gone', () => {
    expect(isTrustedSender(eventFrom(null), ours)).toBe(false);
  });

  it('trusts the dev server only by exact origin', () => {
    expect(isTrustedSender(eventFrom(mainFrame('http://localhost:5173/')), ours, DEV)).toBe(true);
    expect(isTrustedSender(eventFrom(mainFrame('http://localhost:5173/')), ours)).toBe(false);
  });
});
