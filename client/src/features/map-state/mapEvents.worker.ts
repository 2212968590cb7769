// Holds the map's event stream (GET /api/maps/:id/events) off the page's own connections and passes each event on.
// A stream held by the page itself would keep the page's network from ever being idle, which browsers and tools take
// as "still loading"; in a worker it is the worker's connection.
export type MapEventsMessage = { type: 'ready' } | { type: 'map'; data: string };

const post = (message: MapEventsMessage): void => (self as unknown as Worker).postMessage(message);

self.addEventListener('message', (message: MessageEvent<{ url: string }>) => {
  const source = new EventSource(message.data.url);
  source.addEventListener('ready', () => post({ type: 'ready' }));
  source.addEventListener('map', (event) => post({ type: 'map', data: (event as MessageEvent<string>).data }));
});
