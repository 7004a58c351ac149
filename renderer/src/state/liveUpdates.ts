/**
 * Live updates from the county server (issue 20 items 4 and 5): one stream of `/api/events` while a user is
 * signed in (in a browser an `EventSource`, in the desktop app through its main process), and each view refreshes only what it shows when its topic changes (`useLive`). The server sends
 * each session only what its scope covers (main/server/events.ts).
 *
 * Never stale as current: when the stream drops, the status says so at once (`useLiveStatus`), it is opened
 * again until the server answers, and on reconnecting every view refreshes, since changes made meanwhile were
 * not heard. When the session has ended (the server says so), the sign-in prompt comes as for a refused call.
 */
import { useEffect, useRef } from 'react';
import { create } from 'zustand';
import { LIVE_TOPICS, type LiveChange, type LiveTopic } from '../../../shared/liveChanges';
import { api, onCountyServer, reportSessionEnded } from '../api';

/** `off`: not on a county server (the desktop app's own store); `live`; `reconnecting` after a drop. */
export const useLiveStatus = create<{ state: 'off' | 'live' | 'reconnecting' }>(() => ({ state: 'off' }));

const listeners = new Set<(change: LiveChange) => void>();
const RETRY_MS = 2000;

function deliver(change: LiveChange): void {
  for (const listener of listeners) listener(change);
}

/** What a stream tells `connectLive`, whichever way it comes. */
interface StreamHandlers {
  ready(): void;
  message(data: string): void;
  ended(): void;
  /** The stream failed; `over` once it will not come back by itself. */
  dropped(over: boolean): void;
}

/**
 * Where the stream comes from: in a browser an `EventSource` on the server the page came from; in the desktop
 * app on a county server, its main process, which holds the session (`window.luukkuLive`, silent on the
 * workstation's own store). Returns how to close it; null when there is no stream to open.
 */
function streamSource(): ((on: StreamHandlers) => () => void) | null {
  if (onCountyServer() && typeof EventSource !== 'undefined')
    return (on) => {
      const stream = new EventSource('/api/events');
      stream.addEventListener('ready', on.ready);
      stream.addEventListener('message', (event: MessageEvent<string>) => on.message(event.data));
      stream.addEventListener('ended', on.ended);
      stream.addEventListener('error', () => on.dropped(stream.readyState === EventSource.CLOSED));
      return () => stream.close();
    };
  const desktop = window.luukkuLive;
  if (desktop)
    return (on) =>
      desktop.open((event) => {
        if (event.type === 'ready') on.ready();
        else if (event.type === 'message') on.message(event.data);
        else if (event.type === 'ended') on.ended();
        else on.dropped(true);
      });
  return null;
}

/** Opens the stream (after sign-in); returns how to close it (on sign-out). Does nothing off the server. */
export function connectLive(): () => void {
  const source = streamSource();
  if (!source) return () => {};
  let close: (() => void) | null = null;
  let current = 0;
  let retry: number | undefined;
  let stopped = false;
  let heardBefore = false;
  const ended = () => {
    close?.();
    useLiveStatus.setState({ state: 'off' });
    reportSessionEnded();
  };
  // The stream is gone: the server refused it (the session is gone) or cannot be reached. The status call
  // tells which; while the server is away, try again every RETRY_MS.
  const check = async () => {
    const status = await api.app.status();
    if (stopped) return;
    if (status.ok && !status.value.user) ended();
    else open();
  };
  const open = () => {
    const mine = ++current;
    close = source({
      ready: () => {
        useLiveStatus.setState({ state: 'live' });
        // Whatever changed while the stream was down was not heard: every view refreshes what it shows.
        if (heardBefore) deliver({ topics: [...LIVE_TOPICS], caseIds: null, created: true });
        heardBefore = true;
      },
      message: (data) => deliver(JSON.parse(data) as LiveChange),
      ended,
      dropped: (over) => {
        if (stopped || mine !== current) return;
        useLiveStatus.setState({ state: 'reconnecting' });
        if (over) retry = window.setTimeout(() => void check(), RETRY_MS);
      },
    });
  };
  open();
  return () => {
    stopped = true;
    window.clearTimeout(retry);
    close?.();
    useLiveStatus.setState({ state: 'off' });
  };
}

/** Calls `onChange` while the component is shown, for changes that touch `topic`. */
export function useLive(topic: LiveTopic, onChange: (change: LiveChange) => void): void {
  const latest = useRef(onChange);
  latest.current = onChange;
  useEffect(() => {
    const listener = (change: LiveChange) => {
      if (change.topics.includes(topic)) latest.current(change);
    };
    listeners.add(listener);
    return () => void listeners.delete(listener);
  }, [topic]);
}
