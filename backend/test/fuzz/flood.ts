import { Worker } from 'node:worker_threads';

/**
 * Sends `count` copies of a JSON body of `bytes` bytes with as many keys as fit, all at once, from
 * a worker thread: building and writing 40 MB must not load the event loop of the server under test.
 * Resolves with the status of each answer, or 'closed early' where the server stopped reading the body.
 */
export function flood(url: string, headers: Record<string, string>, bytes: number, count: number): Promise<Array<number | string>> {
  const code = `
    const { workerData, parentPort } = require('node:worker_threads');
    const http = require('node:http');
    const pairs = [];
    let length = 2;
    for (let i = 0; length < workerData.bytes; i++) { const pair = '"k' + i + '":1'; pairs.push(pair); length += pair.length + 1; }
    const body = '{' + pairs.join(',') + '}';
    const one = () => new Promise((resolve) => {
      const request = http.request(workerData.url, {
        method: 'POST',
        headers: { ...workerData.headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      }, (response) => { response.resume(); response.on('end', () => resolve(response.statusCode)); });
      // A server that refuses a body early closes the connection while it is still being written.
      request.on('error', (error) => resolve(['EPIPE', 'ECONNRESET'].includes(error.code) ? 'closed early' : 'error: ' + error.message));
      request.end(body);
    });
    parentPort.postMessage('ready');
    Promise.all(Array.from({ length: workerData.count }, one)).then((statuses) => parentPort.postMessage(statuses));
  `;
  return new Promise((resolve, reject) => {
    const worker = new Worker(code, { eval: true, workerData: { url, headers, bytes, count } });
    worker.on('message', (message: unknown) => {
      if (Array.isArray(message)) {
        resolve(message as Array<number | string>);
        void worker.terminate();
      }
    });
    worker.on('error', reject);
  });
}
