// Every adapter the suite runs. The suite asserts this list's length in its size check, so an
// adapter dropped from here (or one whose tests are skipped) fails the run.
import { axiosDriver } from './axios.js';
import type { AdapterDriver } from './driver.js';
import { fetchDriver } from './fetch.js';
import { nodeHttpDriver } from './node-http.js';
import { undiciDriver } from './undici.js';

export const ADAPTERS: readonly AdapterDriver[] = [fetchDriver, axiosDriver, nodeHttpDriver, undiciDriver];

/** The adapters the suite must have run; checked against what actually ran. */
export const EXPECTED_ADAPTERS = ['fetch', 'axios', 'node:http', 'undici'] as const;
