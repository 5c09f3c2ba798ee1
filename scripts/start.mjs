#!/usr/bin/env node
// `npm start`: builds the web app when it is missing or older than its sources, then starts the server.
import { spawnSync } from 'node:child_process';
import { buildWebIfStale } from './web-build.mjs';

buildWebIfStale();
const server = spawnSync('npx', ['tsx', 'src/server/main.ts'], { stdio: 'inherit' });
process.exit(server.status ?? 0);
