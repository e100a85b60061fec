#!/usr/bin/env node
'use strict';
/*
 * Where a backend's heap grew between two V8 heap snapshots (bench/memory.js --heap-snapshots
 * writes them). Every object's own size is charged to its owner: the nearest object that
 * dominates it (holds it alone, so freeing the owner frees it) and is an instance of a named
 * class such as ObjectInformer or DefaultCatalogProcessingEngine. Generic containers (Object,
 * Array, Map...) are looked through, so a Map of cached objects is charged to the informer that
 * holds it. ObjectInformers are told apart by their kind and label selector.
 *
 *   node --max-old-space-size=8000 bench/heapSnapshotSummary.js before.heapsnapshot after.heapsnapshot [--top 25]
 */
const fs = require('node:fs');
const { argValue } = require('./benchBackend');

const GENERIC = new Set([
  'Object',
  'Array',
  'Map',
  'Set',
  'WeakMap',
  'WeakSet',
  'Promise',
  'Function',
  'Error',
  'Buffer',
  'Uint8Array',
  'ArrayBuffer',
  'Date',
  'RegExp',
  'Arguments',
  'Generator',
  'AsyncGenerator',
  'Symbol',
  'Number',
  'String',
  'Boolean',
  'BigInt',
  'global',
  'Window',
  'Timeout',
  'Immediate',
  'TimersList',
]);

/** Reads a number array (`"nodes":[...]`) straight from the bytes, without a JSON string. */
function readNumbers(buf, label) {
  const start = buf.indexOf(`"${label}":[`) + label.length + 4;
  const end = buf.indexOf(0x5d /* ] */, start);
  let count = 0;
  for (let i = start; i < end; i++) if (buf[i] === 0x2c /* , */) count++;
  const out = new Uint32Array(end > start ? count + 1 : 0);
  let n = 0;
  let value = 0;
  let inNumber = false;
  for (let i = start; i < end; i++) {
    const c = buf[i];
    if (c >= 0x30 && c <= 0x39) {
      value = value * 10 + (c - 0x30);
      inNumber = true;
    } else if (c === 0x2c) {
      out[n++] = value;
      value = 0;
      inNumber = false;
    }
  }
  if (inNumber) out[n++] = value;
  return out;
}

function readSnapshot(file) {
  const buf = fs.readFileSync(file);
  const metaEnd = buf.indexOf('"nodes":[');
  const head = buf.subarray(0, metaEnd).toString().replace(/,\s*$/, '}');
  const meta = JSON.parse(head).snapshot.meta;
  const stringsStart = buf.indexOf('"strings":[');
  const stringsEnd = buf.lastIndexOf(']');
  const strings = JSON.parse(
    buf.subarray(stringsStart + 10, stringsEnd + 1).toString(),
  );
  return {
    meta,
    nodes: readNumbers(buf, 'nodes'),
    edges: readNumbers(buf, 'edges'),
    strings,
  };
}

/** The heap as arrays: per node its type, name, size and edge range; per edge its type, name, target. */
function buildGraph({ meta, nodes, edges, strings }) {
  const nf = meta.node_fields.length;
  const ef = meta.edge_fields.length;
  const nodeTypes = meta.node_types[0];
  const edgeTypes = meta.edge_types[0];
  const count = nodes.length / nf;
  const firstEdge = new Uint32Array(count + 1);
  for (let i = 0, e = 0; i < count; i++) {
    firstEdge[i] = e;
    e += nodes[i * nf + meta.node_fields.indexOf('edge_count')];
  }
  firstEdge[count] = edges.length / ef;
  const field = name => meta.node_fields.indexOf(name);
  const efield = name => meta.edge_fields.indexOf(name);
  return {
    count,
    type: i => nodeTypes[nodes[i * nf + field('type')]],
    name: i => strings[nodes[i * nf + field('name')]],
    selfSize: i => nodes[i * nf + field('self_size')],
    firstEdge,
    edgeType: e => edgeTypes[edges[e * ef + efield('type')]],
    edgeName: e => {
      const v = edges[e * ef + efield('name_or_index')];
      const t = edgeTypes[edges[e * ef + efield('type')]];
      return t === 'element' || t === 'hidden' ? String(v) : strings[v];
    },
    edgeTarget: e => edges[e * ef + efield('to_node')] / nf,
  };
}

/** Immediate dominators (Cooper, Harvey and Kennedy), over strong edges from the root (node 0). */
function dominators(g) {
  const order = new Int32Array(g.count).fill(-1); // postorder number
  const post = new Uint32Array(g.count);
  let n = 0;
  const stack = [0];
  const nextEdge = new Uint32Array(g.count);
  const visited = new Uint8Array(g.count);
  visited[0] = 1;
  nextEdge[0] = g.firstEdge[0];
  while (stack.length) {
    const v = stack[stack.length - 1];
    if (nextEdge[v] < g.firstEdge[v + 1]) {
      const e = nextEdge[v]++;
      if (g.edgeType(e) === 'weak') continue;
      const w = g.edgeTarget(e);
      if (!visited[w]) {
        visited[w] = 1;
        nextEdge[w] = g.firstEdge[w];
        stack.push(w);
      }
    } else {
      stack.pop();
      order[v] = n;
      post[n++] = v;
    }
  }
  const predStart = new Uint32Array(g.count + 1);
  for (let v = 0; v < g.count; v++)
    if (visited[v])
      for (let e = g.firstEdge[v]; e < g.firstEdge[v + 1]; e++)
        if (g.edgeType(e) !== 'weak') predStart[g.edgeTarget(e) + 1]++;
  for (let v = 0; v < g.count; v++) predStart[v + 1] += predStart[v];
  const preds = new Uint32Array(predStart[g.count]);
  const fill = predStart.slice(0, g.count);
  for (let v = 0; v < g.count; v++)
    if (visited[v])
      for (let e = g.firstEdge[v]; e < g.firstEdge[v + 1]; e++)
        if (g.edgeType(e) !== 'weak') preds[fill[g.edgeTarget(e)]++] = v;

  const idom = new Int32Array(g.count).fill(-1);
  idom[0] = 0;
  const intersect = (first, second) => {
    let a = first;
    let b = second;
    while (a !== b) {
      while (order[a] < order[b]) a = idom[a];
      while (order[b] < order[a]) b = idom[b];
    }
    return a;
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (let i = n - 2; i >= 0; i--) {
      const v = post[i];
      let d = -1;
      for (let p = predStart[v]; p < predStart[v + 1]; p++) {
        const u = preds[p];
        if (idom[u] === -1) continue;
        d = d === -1 ? u : intersect(u, d);
      }
      if (d !== -1 && idom[v] !== d) {
        idom[v] = d;
        changed = true;
      }
    }
  }
  return { idom, post, reached: n };
}

/** What an owner is called in the report; informers say which kind and selection they hold. */
function ownerLabel(g, v) {
  const name = g.name(v);
  if (name !== 'ObjectInformer') return name;
  let kind = '?';
  let selector = '';
  for (let e = g.firstEdge[v]; e < g.firstEdge[v + 1]; e++) {
    const edge = g.edgeName(e);
    if (edge === 'gvk') {
      const gvk = g.edgeTarget(e);
      for (let f = g.firstEdge[gvk]; f < g.firstEdge[gvk + 1]; f++)
        if (g.edgeName(f) === 'kind') kind = g.name(g.edgeTarget(f));
    } else if (edge === '#labelSelector') {
      const target = g.edgeTarget(e);
      if (g.type(target) === 'string') selector = ` [${g.name(target)}]`;
    }
  }
  return `ObjectInformer ${kind}${selector}`;
}

/** Held by no class instance (module scope, compiled code, V8's own tables): by what it is. */
function unownedLabel(g, v) {
  const type = g.type(v);
  if (type === 'object' || type === 'closure')
    return `(no owner) ${type} ${g.name(v).slice(0, 40)}`;
  return `(no owner) ${type}`;
}

function isOwner(g, v) {
  if (g.type(v) !== 'object') return false;
  const name = g.name(v);
  return /^[A-Z_]/.test(name) && !GENERIC.has(name) && !name.includes(' ');
}

/** Bytes charged to each owner, and how many owners of each label there are. */
function summarise(file) {
  const g = buildGraph(readSnapshot(file));
  const { idom, post, reached } = dominators(g);
  const owner = new Int32Array(g.count).fill(-1);
  const bytes = new Map();
  const instances = new Map();
  let total = 0;
  // Reverse postorder visits each dominator before the nodes it dominates.
  for (let i = reached - 1; i >= 0; i--) {
    const v = post[i];
    const size = g.selfSize(v);
    total += size;
    let label;
    if (v !== 0 && isOwner(g, v)) {
      owner[v] = v;
      label = ownerLabel(g, v);
      instances.set(label, (instances.get(label) ?? 0) + 1);
    } else {
      owner[v] = v === 0 ? -1 : owner[idom[v]];
      label = owner[v] === -1 ? unownedLabel(g, v) : ownerLabel(g, owner[v]);
    }
    bytes.set(label, (bytes.get(label) ?? 0) + size);
  }
  return { total, bytes, instances };
}

function main() {
  const [beforeFile, afterFile] = process.argv
    .slice(2)
    .filter(a => a.endsWith('.heapsnapshot'));
  const top = Number(argValue('top', 25));
  const before = summarise(beforeFile);
  const after = summarise(afterFile);
  const labels = new Set([...before.bytes.keys(), ...after.bytes.keys()]);
  const rows = [...labels]
    .map(label => ({
      label,
      before: before.bytes.get(label) ?? 0,
      after: after.bytes.get(label) ?? 0,
      instances: after.instances.get(label) ?? 0,
    }))
    .map(r => ({ ...r, growth: r.after - r.before }))
    .sort((a, b) => b.growth - a.growth);
  const mb = b => (b / 2 ** 20).toFixed(1);
  const growth = after.total - before.total;
  console.log(
    `heap: ${mb(before.total)} MB -> ${mb(after.total)} MB (+${mb(
      growth,
    )} MB)\n`,
  );
  console.log(
    '| owner (nearest dominating instance) | before MB | after MB | growth MB | share of growth |',
  );
  console.log('| --- | --- | --- | --- | --- |');
  for (const r of rows.slice(0, top))
    console.log(
      `| ${r.label}${r.instances > 1 ? ` (x${r.instances})` : ''} | ${mb(
        r.before,
      )} | ${mb(r.after)} | ${mb(r.growth)} | ${(
        (100 * r.growth) /
        growth
      ).toFixed(1)}% |`,
    );
  const rest = rows.slice(top).reduce((s, r) => s + r.growth, 0);
  console.log(`| (${rows.length - top} other owners) | | | ${mb(rest)} | |`);
}

main();
