// The case table: every adapter runs every case for every scheme.
import { ABORT_CASES } from './abort.js';
import { AUTH_CASES } from './auth-resend.js';
import { BODY_CASES } from './bodies.js';
import type { ConformanceCase } from './case.js';
import { REDIRECT_CASES } from './redirects.js';
import { RETRY_CASES } from './retries.js';

export const CASES: readonly ConformanceCase[] = [...BODY_CASES, ...REDIRECT_CASES, ...AUTH_CASES, ...RETRY_CASES, ...ABORT_CASES];
