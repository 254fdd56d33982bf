// A subscriber on reporting's server-sent events (GET /api/v1/events), as the dashboard is: notes
// for every id of a `changed` event the moment it arrived here (the record is then visible in
// the read model: the event is sent after the batch's statement committed) and the server's `at`.
export async function watchLive(url) {
  const controller = new AbortController();
  const response = await fetch(`${url}/api/v1/events`, {
    signal: controller.signal,
    headers: { accept: 'text/event-stream' },
  });
  if (response.status !== 200) throw new Error(`GET /api/v1/events: ${response.status}`);
  /** id → { visibleAt, appliedAt, model } (the first time it was seen). */
  const seen = new Map();
  let events = 0;
  const decoder = new TextDecoder();
  const reading = (async () => {
    let buffer = '';
    try {
      for await (const chunk of response.body) {
        const receivedAt = Date.now();
        buffer += decoder.decode(chunk, { stream: true });
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          let type = 'message';
          let data = '';
          for (const line of block.split('\n')) {
            if (line.startsWith('event:')) type = line.slice(6).trim();
            else if (line.startsWith('data:')) data += line.slice(5).trim();
          }
          if (type !== 'changed' || !data) continue;
          events++;
          const { model, ids, at } = JSON.parse(data);
          const appliedAt = Date.parse(at);
          for (const id of ids)
            if (!seen.has(id)) seen.set(id, { visibleAt: receivedAt, appliedAt, model });
        }
      }
    } catch (error) {
      if (error.name !== 'AbortError') throw error;
    }
  })();
  return {
    seen,
    get events() {
      return events;
    },
    /** Resolves once every id was seen, or after timeoutMs; returns the ids still missing. */
    async waitFor(ids, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const missing = ids.filter((id) => !seen.has(id));
        if (missing.length === 0 || Date.now() > deadline) return missing;
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async stop() {
      controller.abort();
      await reading.catch(() => undefined);
    },
  };
}
