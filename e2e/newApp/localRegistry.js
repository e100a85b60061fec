'use strict';
/*
 * A registry for one scope, on 127.0.0.1, serving packed tarballs the way a registry serves
 * published packages: a packument per package (GET /@scope%2fname) and the tarballs. The new
 * app's yarn is pointed at it for @kratix-dynamodb only (npmScopes), so the README's
 * `yarn add @kratix-dynamodb/...` runs as written while every other package still comes from
 * the usual registry. Each version is stamped as published now, as it would be on release day.
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

/** The package.json inside a tarball (npm and yarn both pack it as package/package.json). */
function manifestOf(tarball) {
  return JSON.parse(
    execFileSync('tar', ['-xOzf', tarball, 'package/package.json'], {
      encoding: 'utf8',
    }),
  );
}

function packuments(tarballs, baseUrl) {
  const byName = new Map();
  const published = new Date().toISOString();
  for (const file of tarballs) {
    const manifest = manifestOf(file);
    const data = fs.readFileSync(file);
    const tarballName = path.basename(file);
    const doc = byName.get(manifest.name) ?? {
      name: manifest.name,
      'dist-tags': {},
      versions: {},
      time: { created: published, modified: published },
      files: new Map(),
    };
    doc.versions[manifest.version] = {
      ...manifest,
      dist: {
        tarball: `${baseUrl}/-/${tarballName}`,
        shasum: crypto.createHash('sha1').update(data).digest('hex'),
        integrity: `sha512-${crypto
          .createHash('sha512')
          .update(data)
          .digest('base64')}`,
      },
    };
    doc['dist-tags'].latest = manifest.version;
    doc.time[manifest.version] = published;
    doc.files.set(tarballName, file);
    byName.set(manifest.name, doc);
  }
  return byName;
}

/**
 * Starts the registry; resolves to its base URL, the package names and close(). `files`
 * (url path -> file) are served as they are, beside the packages (e2e/newApp/prebuiltBinaries.js).
 */
function startLocalRegistry(tarballs, files = new Map()) {
  const server = http.createServer();
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const baseUrl = `http://localhost:${server.address().port}`;
      const docs = packuments(tarballs, baseUrl);
      const packed = new Map(
        [...docs.values()].flatMap(d => [...d.files.entries()]),
      );
      server.on('request', (req, res) => {
        const url = decodeURIComponent(new URL(req.url, baseUrl).pathname);
        const tarball =
          (url.startsWith('/-/') && packed.get(url.slice(3))) || files.get(url);
        const doc = docs.get(url.slice(1));
        if (tarball) {
          res.writeHead(200, { 'Content-Type': 'application/octet-stream' });
          fs.createReadStream(tarball).pipe(res);
        } else if (doc) {
          const { files: _files, ...packument } = doc;
          res.writeHead(200, { 'Content-Type': 'application/json' });
          res.end(JSON.stringify(packument));
        } else {
          res.writeHead(404, { 'Content-Type': 'application/json' });
          res.end(JSON.stringify({ error: 'Not found' }));
        }
      });
      resolve({
        baseUrl,
        names: [...docs.keys()],
        close: () => new Promise(r => server.close(r)),
      });
    });
  });
}

module.exports = { startLocalRegistry };
