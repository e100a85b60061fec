'use strict';
/*
 * The shapes of modules (see shapeOf in jestDeferredModules.js), kept in a file in Jest's cache
 * folder so that every worker, and the next run, knows them from its first test file on.
 *
 * Kept only in memory, each Jest worker had to load its first test file's whole module graph
 * to learn the shapes: one full load (2-3 s of CPU) per worker and per run.
 *
 * The file is append-only JSON lines, one module per line, written by all workers at once:
 * each line is one small append, so lines from different workers do not mix. A shape is used
 * only while the module's file has the size and modification time it had when it was recorded,
 * so an upgraded package is loaded and recorded again. When the file has grown to twice the
 * modules it knows, the next worker to read it writes it again, compacted.
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

/** @typedef {import('./jestDeferredModules').ModuleShape} ModuleShape */
/** @typedef {{ key: string, size: number, mtimeMs: number, shape: ModuleShape }} ShapeRecord */

class ModuleShapes {
  /** @type {Map<string, ShapeRecord>} */
  #records = new Map();
  /** keys whose file this worker has compared with the record */
  #checked = new Set();
  #file;

  constructor(cacheDirectory) {
    // One file per checkout, so that clones sharing Jest's cache folder do not read each other's.
    const checkout = crypto
      .createHash('sha256')
      .update(__dirname)
      .digest('hex')
      .slice(0, 12);
    this.#file = path.join(cacheDirectory, `module-shapes-${checkout}.jsonl`);
    let lines = [];
    try {
      lines = fs.readFileSync(this.#file, 'utf8').split('\n');
    } catch {
      return;
    }
    for (const line of lines) {
      if (!line) continue;
      try {
        const record = JSON.parse(line);
        this.#records.set(record.key, record);
      } catch {
        // A line cut short by a worker that was killed mid-write.
      }
    }
    if (lines.length > 2 * this.#records.size + 100) this.#compact();
  }

  /** @returns {ModuleShape | undefined} */
  get(environment, modulePath) {
    const key = `${environment}\0${modulePath}`;
    const record = this.#records.get(key);
    if (!record || this.#checked.has(key)) return record?.shape;
    const stat = fs.statSync(modulePath, { throwIfNoEntry: false });
    if (stat?.size !== record.size || stat.mtimeMs !== record.mtimeMs) {
      this.#records.delete(key);
      return undefined;
    }
    this.#checked.add(key);
    return record.shape;
  }

  /** @param {Array<[modulePath: string, shape: ModuleShape]>} shapes */
  addAll(environment, shapes) {
    const lines = [];
    for (const [modulePath, shape] of shapes) {
      const stat = fs.statSync(modulePath, { throwIfNoEntry: false });
      if (!stat) continue;
      const key = `${environment}\0${modulePath}`;
      const record = { key, size: stat.size, mtimeMs: stat.mtimeMs, shape };
      this.#records.set(key, record);
      this.#checked.add(key);
      lines.push(`${JSON.stringify(record)}\n`);
    }
    if (!lines.length) return;
    try {
      fs.mkdirSync(path.dirname(this.#file), { recursive: true });
      fs.appendFileSync(this.#file, lines.join(''));
    } catch {
      // Only a saving is lost: the next worker learns these shapes again.
    }
  }

  #compact() {
    const temporary = `${this.#file}.${process.pid}`;
    try {
      fs.writeFileSync(
        temporary,
        [...this.#records.values()]
          .map(record => `${JSON.stringify(record)}\n`)
          .join(''),
      );
      fs.renameSync(temporary, this.#file);
    } catch {
      fs.rmSync(temporary, { force: true });
    }
  }
}

/** @type {Map<string, ModuleShapes>} by cache folder, for as long as the worker lives */
const byCacheDirectory = new Map();

/** @returns {ModuleShapes} */
function moduleShapesIn(cacheDirectory) {
  let shapes = byCacheDirectory.get(cacheDirectory);
  if (!shapes) {
    shapes = new ModuleShapes(cacheDirectory);
    byCacheDirectory.set(cacheDirectory, shapes);
  }
  return shapes;
}

module.exports = { moduleShapesIn };
