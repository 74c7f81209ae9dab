#!/usr/bin/env node
// V8 told to favour memory over speed before anything runs: a long batch's three heaps (this
// thread's and its two workers') otherwise grow between full collections by V8's default steps,
// so a 1,000,000-run batch peaked at 1.4 times a 10,000-run one; optimized for size, at 1.13
// times, for 2.5% of speed (BENCHMARKS.md, "Memory against a batch's length"). A flag given on
// node's command line would be lost to `npx convene` and to `node bin/convene.js`.
import { setFlagsFromString } from 'node:v8';

setFlagsFromString('--optimize-for-size');
const { main } = await import('../dist-cli/convene.js');
process.exitCode = await main(process.argv.slice(2));
