/**
 * Live updates from the county server (issue 20 item 5): one `EventSource` on `/api/events` while a user is
 * signed in, and each view refreshes only what it shows when its topic changes (`useLive`). The server sends
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

/** Opens the stream (after sign-in); returns how to close it (on sign-out). Does nothing off the server. */
export function connectLive(): () => void {
  if (!onCountyServer() || typeof EventSource === 'undefined') return () => {};
  let stream: EventSource | null = null;
  let retry: number | undefined;
  let stopped = false;
  let heardBefore = false;
  const ended = () => {
    stream?.close();
    useLiveStatus.setState({ state: 'off' });
    reportSessionEnded();
  };
  // The browser gave up on the stream: the server refused it (the session is gone) or cannot be reached.
  // The status call tells which; while the server is away, try again every RETRY_MS.
  const check = async () => {
    const status = await api.app.status();
    if (stopped) return;
    if (status.ok && !status.value.user) ended();
    else open();
  };
  const open = () => {
    const next = new EventSource('/api/events');
    stream = next;
    next.addEventListener('ready', () => {
      useLiveStatus.setState({ state: 'live' });
      // Whatever changed while the stream was down was not heard: every view refreshes what it shows.
      if (heardBefore) deliver({ topics: [...LIVE_TOPICS], caseIds: null, created: true });
      heardBefore = true;
    });
    next.addEventListener('message', (event: MessageEvent<string>) => {
      deliver(JSON.parse(event.data) as LiveChange);
    });
    next.addEventListener('ended', ended);
    next.addEventListener('error', () => {
      if (stopped || stream !== next) return;
      useLiveStatus.setState({ state: 'reconnecting' });
      if (next.readyState === EventSource.CLOSED) retry = window.setTimeout(() => void check(), RETRY_MS);
    });
  };
  open();
  return () => {
    stopped = true;
    window.clearTimeout(retry);
    stream?.close();
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
