// Runs one autocannon measurement in a worker thread, so the load generator does not share the
// server's event loop. Plain JavaScript: worker threads do not inherit tsx's loader.
// workerData: { url, method, headers, connections, duration, jobs?: { path, body, method? }[] } (a job is a POST unless it says)
// Posts back { seconds, requests, rps, statusCodes, errors, timeouts, exhausted, p50, p95, p99, max, mean }.
import { parentPort, workerData } from 'node:worker_threads';
import autocannon from 'autocannon';

const { url, method = 'GET', headers = {}, connections, duration, jobs } = workerData;
const times = [];
const statusCodes = {};
let next = 0;
let exhausted = false;
let errors = 0;
const failures = []; // the first few failed responses' bodies, to say why
let lastAt = 0;
let answeredJob = true;

const options = { url, method, headers, connections, duration, excludeErrorStats: false };
if (jobs) {
  // Each request takes the next job (a different project each time); when the pool runs dry the run stops.
  options.requests = [
    {
      setupRequest(request, context) {
        context.job = next < jobs.length;
        if (!context.job) {
          // The pool ran dry: stop, and until then send a harmless read that is not measured.
          if (!exhausted) {
            exhausted = true;
            setImmediate(() => instance.stop());
          }
          return { ...request, method: 'GET', path: '/api/health', body: undefined, headers: { cookie: headers.cookie } };
        }
        const job = jobs[next++];
        return { ...request, method: job.method ?? 'POST', path: job.path, body: JSON.stringify(job.body) };
      },
      onResponse(status, body, context) {
        // Called just before autocannon's 'response' event for the same response: tell it what this was.
        answeredJob = context.job;
        if (context.job && status >= 300 && failures.length < 5) failures.push(`${status} ${String(body).slice(0, 200)}`);
      },
    },
  ];
}

const started = performance.now();
const instance = autocannon(options, (error, result) => {
  if (error) throw error;
  const seconds = ((jobs ? lastAt : performance.now()) - started) / 1000;
  times.sort((a, b) => a - b);
  const pick = (p) => (times.length ? times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))] : NaN);
  const round = (x) => Math.round(x * 100) / 100;
  const mean = times.reduce((s, t) => s + t, 0) / (times.length || 1);
  parentPort.postMessage({
    seconds: round(seconds),
    requests: times.length,
    rps: round(times.length / seconds),
    statusCodes,
    errors: jobs ? errors : result.errors,
    timeouts: result.timeouts,
    exhausted,
    used: next,
    failures,
    p50: round(pick(50)),
    p95: round(pick(95)),
    p99: round(pick(99)),
    max: round(times.at(-1) ?? NaN),
    mean: round(mean),
  });
});
instance.on('response', (_client, statusCode, _bytes, responseTime) => {
  if (jobs && !answeredJob) return; // the unmeasured reads sent after the pool ran dry
  statusCodes[statusCode] = (statusCodes[statusCode] ?? 0) + 1;
  times.push(responseTime);
  lastAt = performance.now();
});
instance.on('reqError', () => {
  if (!exhausted) errors++;
});
