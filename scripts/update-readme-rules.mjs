#!/usr/bin/env node
// Rewrites the rules table in README.md (between the rules markers) from the
// registry, so the README never lists a rule that does not exist or misses one.
// Run after `npm run build`: it reads the bundled CLI's `offload rules --format json`.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

const docs = JSON.parse(execFileSync(process.execPath, ['dist/cli.js', 'rules', '--format', 'json'], { encoding: 'utf8' }));
const PLATFORM = { 'ecs-ec2': 'ECS/EC2', 'ecs-fargate': 'ECS/Fargate', 'eks-ec2': 'EKS/EC2', 'eks-fargate': 'EKS/Fargate' };
const rows = docs
  .filter((d) => !['orchestrator-change'].includes(d.id))
  .map((d) => `| [\`${d.id}\`](docs/rules/${d.id}.md) | ${d.title} | ${d.effect} | ${d.defaultSeverity} | ${d.platforms.map((p) => PLATFORM[p]).join(', ') || '—'} |`);
const table = ['| Rule | What it checks | Effect | Default | Platforms |', '|---|---|---|---|---|', ...rows].join('\n');
const readme = readFileSync('README.md', 'utf8');
const next = readme.replace(/(<!-- rules:start -->)[\s\S]*?(<!-- rules:end -->)/, `$1\n${table}\n$2`);
if (process.argv.includes('--check')) {
  if (next !== readme) {
    console.error('README.md rules table is stale: run `npm run build && node scripts/update-readme-rules.mjs`');
    process.exit(1);
  }
} else writeFileSync('README.md', next);
