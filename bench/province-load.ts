// Closed-loop load for the province bench (bench/province.ts), run as its own process so that the clients' CPU is not
// the bench's: `concurrency` clients, each sending its next GET as soon as the previous answer has been read, spread
// round robin over the given servers, kept-alive connections (http.Agent keepAlive). A warm-up second is not counted.
// Prints one JSON line: requests, requests per second, latency p50/p95 and this process's CPU time.
//   node --import tsx bench/province-load.ts '{"urls":["http://127.0.0.1:…"],"path":"/api/maps?unit=…","cookie":"…","concurrency":8,"seconds":10}'
import http from 'node:http';
import { z } from 'zod';

const Options = z.strictObject({
  urls: z.array(z.url()).min(1),
  path: z.string().startsWith('/'),
  cookie: z.string(),
  concurrency: z.number().int().min(1).max(256),
  seconds: z.number().positive(),
  warmupSeconds: z.number().min(0).default(1),
});
const options = Options.parse(JSON.parse(process.argv[2] ?? '{}'));

const agents = options.urls.map(() => new http.Agent({ keepAlive: true, maxSockets: options.concurrency }));

function get(server: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = http.get(new URL(options.path, options.urls[server]), { agent: agents[server], headers: { cookie: options.cookie } }, (response) => {
      if (response.statusCode !== 200) reject(new Error(`${options.urls[server]}${options.path} answered ${response.statusCode}`));
      response.on('data', () => undefined);
      response.on('end', () => resolve());
      response.on('error', reject);
    });
    request.on('error', reject);
  });
}

let next = 0;
const latencies: number[] = [];
let counting = false;
let stopping = false;

async function client(): Promise<void> {
  while (!stopping) {
    const server = next++ % options.urls.length;
    const started = performance.now();
    await get(server);
    if (counting) latencies.push(performance.now() - started);
  }
}

const clients = Array.from({ length: options.concurrency }, () => client());
await new Promise((resolve) => setTimeout(resolve, options.warmupSeconds * 1000));
counting = true;
const cpu = process.cpuUsage();
const started = performance.now();
await new Promise((resolve) => setTimeout(resolve, options.seconds * 1000));
counting = false;
const wall = performance.now() - started;
const used = process.cpuUsage(cpu);
stopping = true;
await Promise.all(clients);
for (const agent of agents) agent.destroy();

const sorted = latencies.sort((a, b) => a - b);
const rank = (p: number) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
console.log(JSON.stringify({ requests: sorted.length, rps: (sorted.length / wall) * 1000, p50: rank(50), p95: rank(95), cpuMs: (used.user + used.system) / 1000, wallMs: wall }));
