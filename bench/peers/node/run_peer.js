#!/usr/bin/env node
// One npm peer on the benchmark corpus: the same documents wirespeed processes, timed in
// process (after a warm-up document, excluding file reading), then its output scored
// against the generator's gold or against wirespeed's own tokens. Prints one JSON object.
//
//   node run_peer.js PEER CORPUS.jsonl BYTES [--gold GOLD.jsonl] [--tokens TOKENS.jsonl]
//
// PEER: wink-tokenizer | wink-nlp | chrono-node | compromise. BYTES: text bytes to process
// (whole documents from the start of the corpus, invalid-UTF-8 records left out as
// wirespeed's reader leaves them out). Exit 3 when the peer is not installed.
'use strict';
const fs = require('fs');
const path = require('path');

const [peer, corpus, bytesArg] = process.argv.slice(2);
const option = (name) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const modules = path.join(__dirname, '..', 'node_modules');
const need = (name) => {
  try {
    return require(path.join(modules, name));
  } catch (e) {
    console.log(JSON.stringify({peer, skipped: `${name} not installed (bash bench/peers/install.sh)`}));
    process.exit(3);
  }
};

// Records as raw bytes first: JSON.parse would silently repair invalid UTF-8.
function documents(file, budget) {
  const raw = fs.readFileSync(file);
  const decoder = new TextDecoder('utf-8', {fatal: true});
  const docs = [];
  let bytes = 0;
  let start = 0;
  while (start < raw.length && bytes < budget) {
    let end = raw.indexOf(10, start);
    if (end < 0) end = raw.length;
    const line = raw.subarray(start, end);
    start = end + 1;
    let record;
    try {
      record = JSON.parse(decoder.decode(line));
    } catch (e) {
      continue;
    }
    docs.push(record);
    bytes += Buffer.byteLength(record.text);
  }
  return {docs, bytes};
}

function loadById(file) {
  const byId = new Map();
  if (!file) return byId;
  for (const line of fs.readFileSync(file, 'utf-8').split('\n')) {
    if (line) {
      const record = JSON.parse(line);
      byId.set(record.id, record);
    }
  }
  return byId;
}

// Precision/recall/F1 of predicted span texts against gold span texts, per document
// (sets, as wirespeed eval scores).
function score(pairs) {
  let tp = 0, fp = 0, fn = 0;
  for (const [predicted, gold] of pairs) {
    const want = new Set(gold);
    const got = new Set(predicted);
    for (const t of got) (want.has(t) ? tp++ : fp++);
    for (const t of want) if (!got.has(t)) fn++;
  }
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return {tp, fp, fn, precision, recall, f1};
}

// Multiset agreement of token texts with wirespeed's tokens of the same document.
function tokenAgreement(results, wirespeedTokens) {
  let common = 0, ours = 0, theirs = 0;
  for (const {id, out} of results) {
    const want = wirespeedTokens.get(id);
    if (!want) continue;
    const counts = new Map();
    for (const [t] of want.tokens) counts.set(t, (counts.get(t) || 0) + 1);
    ours += want.tokens.length;
    theirs += out.length;
    for (const t of out) {
      const n = counts.get(t) || 0;
      if (n > 0) {
        common++;
        counts.set(t, n - 1);
      }
    }
  }
  return {documents_compared: results.filter((r) => wirespeedTokens.has(r.id)).length,
          wirespeed_tokens: ours, peer_tokens: theirs,
          f1: ours + theirs ? (2 * common) / (ours + theirs) : 0};
}

const peers = {
  'wink-tokenizer': () => {
    const tokenizer = need('wink-tokenizer')();
    return {task: 'tokenize', run: (d) => tokenizer.tokenize(d.text).map((t) => t.value)};
  },
  'wink-nlp': () => {
    const winkNLP = need('wink-nlp');
    const nlp = winkNLP(need('wink-eng-lite-web-model'));
    const its = nlp.its;
    return {task: 'tokenize+entities', run: (d) => {
      const doc = nlp.readDoc(d.text);
      return {tokens: doc.tokens().out(), entities: doc.entities().out(its.detail)};
    }};
  },
  'chrono-node': () => {
    const chrono = need('chrono-node');
    return {task: 'dates', run: (d) => {
      const ref = d.published ? new Date(d.published + 'T12:00:00Z') : new Date('2024-01-01T12:00:00Z');
      return chrono.parse(d.text, ref).map((r) => r.text);
    }};
  },
  'compromise': () => {
    const loaded = need('compromise');
    const nlp = loaded.default || loaded;
    return {task: 'people+places+numbers', run: (d) => {
      const doc = nlp(d.text);
      return {people: doc.people().out('array'), places: doc.places().out('array'),
              numbers: doc.numbers().out('array')};
    }};
  },
};

if (!peers[peer] || !corpus) {
  console.error('usage: run_peer.js wink-tokenizer|wink-nlp|chrono-node|compromise CORPUS BYTES [--gold G] [--tokens T]');
  process.exit(2);
}
const made = peers[peer]();
const {docs, bytes} = documents(corpus, Number(bytesArg || 1 << 20));
made.run(docs[0]); // warm-up: JIT and lazy tables
// CPU time, as Google Benchmark's bytes_per_second uses for the C++ figures it is compared
// with (on a shared machine wall time mostly measures the neighbours); wall time as well.
const started = process.hrtime.bigint();
const cpuBefore = process.cpuUsage();
const results = docs.map((d) => ({id: d.id, out: made.run(d)}));
const cpu = process.cpuUsage(cpuBefore);
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const cpuSeconds = (cpu.user + cpu.system) / 1e6;

const gold = loadById(option('--gold'));
const versionOf = (name) => {
  try {
    return JSON.parse(fs.readFileSync(path.join(modules, name, 'package.json'), 'utf-8')).version;
  } catch (e) {
    return null;
  }
};
const report = {peer, version: versionOf(peer), node: process.version, task: made.task,
                documents: docs.length, bytes, seconds, cpu_seconds: cpuSeconds,
                bytes_per_second: bytes / cpuSeconds, wall_bytes_per_second: bytes / seconds};
const spans = (id, layer, pick) => ((gold.get(id) || {})[layer] || []).filter(pick).map((x) => x.text);
const goldIds = results.filter((r) => gold.has(r.id));
if (peer === 'chrono-node' && gold.size) {
  report.agreement = {dates_vs_gold: score(goldIds.map((r) => [r.out, spans(r.id, 'dates', (d) => d.kind !== 'duration')]))};
} else if (peer === 'compromise' && gold.size) {
  report.agreement = {
    people_vs_gold: score(goldIds.map((r) => [r.out.people, spans(r.id, 'entities', (e) => e.type === 'person')])),
    places_vs_gold: score(goldIds.map((r) => [r.out.places, spans(r.id, 'entities', (e) => e.type === 'place')])),
    numbers_vs_gold: score(goldIds.map((r) => [r.out.numbers, spans(r.id, 'quantities', () => true)])),
  };
} else if (peer === 'wink-nlp' && gold.size) {
  report.agreement = {
    dates_vs_gold: score(goldIds.map((r) => [r.out.entities.filter((e) => e.type === 'DATE').map((e) => e.value),
                                             spans(r.id, 'dates', (d) => d.kind !== 'duration')])),
  };
}
const tokens = loadById(option('--tokens'));
if (tokens.size && (peer === 'wink-tokenizer' || peer === 'wink-nlp')) {
  const asTokens = results.map((r) => ({id: r.id, out: peer === 'wink-nlp' ? r.out.tokens : r.out}));
  report.agreement = Object.assign(report.agreement || {}, {tokens_vs_wirespeed: tokenAgreement(asTokens, tokens)});
}
console.log(JSON.stringify(report));
