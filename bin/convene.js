#!/usr/bin/env node
import { main } from '../dist-cli/convene.js';

process.exitCode = await main(process.argv.slice(2));
