// A minimal HTTP scoring server on onnxruntime-node: the peer the RepoML server is compared with (bench only).
// Usage: node server.js MODEL.onnx PORT — POST /score with {"input_data": {"columns": [...], "data": [[...]]}}.
'use strict';
const http = require('http');
const ort = require('onnxruntime-node');

const [modelPath, port] = [process.argv[2], Number(process.argv[3] || 5002)];

ort.InferenceSession.create(modelPath, { intraOpNumThreads: 1, interOpNumThreads: 1, graphOptimizationLevel: 'all' }).then((session) => {
  // Per-row outputs only (ML.NET exports add constant side outputs), as RepoML returns them.
  const outputs = session.outputNames.filter((n) => !n.endsWith('unusedOutput'));
  http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', async () => {
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        const { columns, data } = body.input_data;
        const feeds = {};
        for (const name of session.inputNames) {
          const c = columns.indexOf(name);
          const values = data.map((row) => row[c]);
          feeds[name] = typeof values[0] === 'string'
            ? new ort.Tensor('string', values, [values.length, 1])
            : new ort.Tensor('float32', Float32Array.from(values), [values.length, 1]);
        }
        const results = await session.run(feeds, outputs);
        const rows = data.map((_, r) => {
          const row = {};
          for (const name of outputs) {
            const t = results[name];
            const width = t.data.length / data.length;
            const values = Array.from(t.data.slice(r * width, (r + 1) * width), (v) => (typeof v === 'bigint' ? Number(v) : v));
            row[name] = width === 1 ? values[0] : values;
          }
          return row;
        });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(rows));
      } catch (e) {
        res.writeHead(400, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: String(e.message) }));
      }
    });
  }).listen(port, '127.0.0.1', () => console.log(`node peer listening on http://127.0.0.1:${port}`));
});
