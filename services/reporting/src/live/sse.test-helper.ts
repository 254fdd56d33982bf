/** One server-sent event as the tests read it: its name and its JSON data. */
export interface SseEvent {
  event: string;
  data: Record<string, unknown>;
}

/**
 * Opens a text/event-stream (with a bearer token when given) and reads its events into `into`
 * until `signal` aborts; resolves with the response as soon as its headers are in.
 */
export async function readEvents(
  url: string,
  signal: AbortSignal,
  into: SseEvent[],
  token?: string,
): Promise<Response> {
  const response = await fetch(url, {
    signal,
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  const reader = response.body?.getReader();
  if (!reader) throw new Error('no body');
  const decoder = new TextDecoder();
  let buffer = '';
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const field = (name: string) =>
            block
              .split('\n')
              .find((line) => line.startsWith(`${name}: `))
              ?.slice(name.length + 2);
          const event = field('event');
          const data = field('data');
          if (event && data) into.push({ event, data: JSON.parse(data) });
        }
      }
    } catch {
      // aborted
    }
  })();
  return response;
}
