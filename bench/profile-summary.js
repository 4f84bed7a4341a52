#!/usr/bin/env node
// `node bench/profile-summary.js <file.cpuprofile>`: self time by package (or node: internals)
// and the top functions, to see which cost remains on the request path.
const { readFileSync } = require('node:fs');
const profile = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const self = new Map(profile.nodes.map((n) => [n.id, 0]));
const dt = profile.timeDeltas;
for (let i = 0; i < profile.samples.length; i++) {
  self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + (dt[i] ?? 0));
}
const byPackage = new Map();
const byFunction = new Map();
let total = 0;
for (const n of profile.nodes) {
  const t = self.get(n.id) ?? 0;
  total += t;
  const url = n.callFrame.url || '';
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  const pkg = m
    ? m[1]
    : url.startsWith('node:')
      ? url
      : url.includes('/dist/')
        ? 'regcut'
        : n.callFrame.functionName || '(native)';
  byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + t);
  const fn = `${n.callFrame.functionName || '(anonymous)'} ${url.split('/').slice(-2).join('/')}:${n.callFrame.lineNumber}`;
  byFunction.set(fn, (byFunction.get(fn) ?? 0) + t);
}
const top = (map, k) =>
  [...map.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, k)
    .map(([name, t]) => `${((100 * t) / total).toFixed(1).padStart(5)}%  ${name}`)
    .join('\n');
console.log(
  `total ${(total / 1e6).toFixed(1)} s sampled\n-- by package\n${top(byPackage, 25)}\n-- by function\n${top(byFunction, 25)}`,
);
