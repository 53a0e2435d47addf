// Sends large request bodies from Node.js and prints what came back (LargeBodyClientsTest).
//
//   node large-body-check.mjs <apifyBaseUrl> <apifyToken> <requests.json>
//
// <requests.json> is a JSON list of raw requests, {"method", "url", "bytes", "headers"}, sent with
// node:http as a whole body ({"desc": "aaa..."} of exactly "bytes" bytes) before the answer is
// read. Then Apify's own client (apify-client, unchanged) updates a task's input with about 12 MB
// of barely compressible text: the client compresses it (brotli) to about 10 MB on the wire.
// Prints one JSON list: per request {"status", "body"} or {"error"}, then the client's outcome
// {"client": true, "status", "type", "message"} or {"client": true, "error"}.
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ApifyClient } from 'apify-client';

const [baseUrl, token, requestsFile] = process.argv.slice(2);
const requests = JSON.parse(readFileSync(requestsFile, 'utf8'));

function send({ method, url, bytes, headers }) {
    const body = Buffer.alloc(bytes, 'a');
    body.write('{"desc":"', 0);
    body.write('"}', bytes - 2);
    return new Promise((resolve) => {
        const request = http.request(url, { method, headers: { ...headers, 'Content-Length': bytes } }, (answer) => {
            const parts = [];
            answer.on('data', (part) => parts.push(part));
            answer.on('end', () => resolve({ status: answer.statusCode, body: Buffer.concat(parts).toString('utf8') }));
            answer.on('error', (err) => resolve({ error: `${err.code ?? ''} ${err.message}` }));
        });
        request.on('error', (err) => resolve({ error: `${err.code ?? ''} ${err.message}` }));
        request.end(body);
    });
}

/** 91 printable ASCII characters ('#' to '~' but '\\') at random: brotli saves about a fifth. */
function incompressible(length) {
    const random = randomBytes(length);
    for (let i = 0; i < length; i++) {
        const v = random[i] % 91;
        random[i] = v < 57 ? 35 + v : 93 + (v - 57);
    }
    return random.toString('latin1');
}

const results = [];
for (const request of requests) results.push(await send(request));

// The 413's "actual length" is the client's Content-Length: the compressed size on the wire.
const input = { desc: incompressible(12_500_000) };
const client = new ApifyClient({ baseUrl, token, maxRetries: 0, timeoutSecs: 30 });
try {
    await client.task('large-body-check').updateInput(input);
    results.push({ client: true, error: 'the update succeeded' });
} catch (err) {
    results.push(err.statusCode
        ? { client: true, status: err.statusCode, type: err.type, message: err.message }
        : { client: true, error: `${err.code ?? ''} ${err.message}` });
}
console.log(JSON.stringify(results));
