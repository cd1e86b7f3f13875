/**
 * The hand-written part of docs/performance.md: how the bench measures, and for rows that miss
 * (or nearly miss) their target, why and what would close it. Most numbers in these notes come
 * from the profiling sessions they describe (dated); those said to be from "the run this page
 * shows" quote the committed results.json, and must be updated when the page is regenerated from
 * a new run.
 */

/** The "How it measures" section. */
export const HOW_IT_MEASURES = `- **One process, interleaved.** Both sides of a comparison run in the same process, in
  alternating rounds, and the order flips every round (Signet first, then the baseline first), so
  another process on the machine, a frequency change or a growing heap hits both alike and
  neither side always inherits the other's garbage. Warmup runs first and is not counted.
- **Medians and a paired ratio.** Each side's cost is the median over its rounds. The ratio is the
  median of the per-round ratios (each round measures both sides back to back), so it can differ a
  little from the quotient of the two medians; \`p25–p75\` is the spread of the per-round ratios and
  shows how much the machine's noise moved the answer.
- **Client CPU per request for transports.** A request mostly waits, so elapsed time would be the
  server's time. The rows through \`fetch\` measure this process's CPU (\`process.cpuUsage\`, user +
  system, all threads, so garbage collection counts) divided by the number of requests. The
  verifier server runs in a **child process** on 127.0.0.1, so its CPU is not counted; both sides
  read every response body to the end and must be accepted by the verifier (checked before
  measuring). At concurrency 64 the loopback server, not the client, limits requests per second,
  which is why the client's CPU, not its throughput, is compared.
- **Bytes allocated per operation** (\`bytes\` metric): a full GC (\`node --expose-gc\`, which \`pnpm bench\`
  passes), then the batch, then the growth of the V8 heap plus array buffers, divided by the
  operations. The young generation is made large enough and starts large
  (\`--max-semi-space-size=64 --min-semi-space-size=64\`: without the second flag it starts at
  about 1 MB and scavenges during a batch hide most of the garbage) and batches are small, so no
  GC runs during a batch.
- **Elapsed time for pure computation.** \`apiKey authorize\` and the signing rows never wait, so they are timed with
  \`process.hrtime.bigint\` over batches, including the awaited promise: \`authorize\` is async by
  contract, and that is part of what it costs.`;

/** A note on one or more rows: shown under the section of its first row, keyed by exact row name. */
export interface RowNote {
  readonly title: string;
  /** The rows the note explains. A missed row without a note is listed as "not analysed yet". */
  readonly rows: readonly string[];
  readonly text: string;
}

export const ROW_NOTES: readonly RowNote[] = [
  {
    title: 'OAuth 1.0a: met narrowly, and what would widen the margin',
    rows: ['oauth1 sign vs HMAC-SHA1 over its base string', 'oauth1 sign vs oauth-1.0a, bytes allocated'],
    text: `Both targets are met on a quiet machine, the time target narrowly: on 2026-11-28 at a load average below 1, the full run and four \`--filter oauth1\` runs measured 2.92–2.99× the bare HMAC-SHA1 and 0.25–0.26× \`oauth-1.0a\`'s bytes. Under load the time ratio is higher: earlier that day, with a load average of 6–9 on the two shared cores, fourteen \`--filter oauth1\` runs measured the X/Twitter example (a query parameter, a form body, a token) at 3.0–4.0× the bare HMAC-SHA1, ten of them 3.2–3.6× (the previous signer, through the same row built from source and alternating with this one: 4.5–5.6×). An A/B driver that runs the previous signer, this one and the HMAC interleaved in one process gives medians of 2.96–3.59× wall and 3.04–3.38× CPU. It allocates 5.5 kB per signed request against \`oauth-1.0a\`'s 22 kB (0.25×; the previous signer 10.5 kB, 0.49×, which missed). Earlier figures here (375 and 117 bytes) were not allocations: the row ran 2,000 operations per batch, and scavenges during the batch hid most of both sides' garbage. It now runs batches of 20, which fit the young generation, and \`pnpm bench\` also passes \`--min-semi-space-size=64\`, under which no scavenge runs.

What made it cheaper, in the order of the commits:

- **No normalized string encoded whole.** Each parameter is encoded per §3.6 and once more for the base string (on §3.6 output only \`%\` changes, to \`%25\`), so the base string's parameter part is a join. The constant protocol parameters are sorted and encoded at creation, with holes for the timestamp and the nonce; the request's own parameters are sorted among themselves and placed around that block (none can sort inside it unless its name begins with \`oauth_\`).
- **No decode-then-encode of canonical text.** A query or form body already encoded as RFC 3986 clients encode it is split as it is, with one-character searches; anything else takes the general path (decode, encode, one sort key per parameter), the one the verifier's \`buildBaseString\` shares.
- **Fewer allocations.** \`Array.prototype.sort\` allocates about 900 bytes of work state even for two strings: a request's few parameters are insertion-sorted in place. \`percentEncode\` skips its \`!'()*\` fix-up when there is none.
- **The base string URI from \`URL.host\` and \`URL.pathname\`** for http and https (WHATWG has already lower-cased the host and dropped a default port): 625 → 295 ns.

Where the time goes now (a CPU profile of 100,000 signatures): the HMAC-SHA1 itself about a third; copying the \`Headers\` for the new \`Authorization\` about a fifth (undici's \`Headers.set\` checks every character of the 330-character value, about 0.7 µs); encoding the request's parameters a tenth; the nonce 5 %; the base string URI 4.5 %; garbage collection about 9 %. With the HMAC at a third of the time, the ratio cannot go much below 3 without touching what the scheme does not own; these would widen the margin:

- **Let the credential write into the adapter's own header copy** (a contract change in \`credential/\`, the one the fetch rows need too). A prototype that skips the \`Headers\` copy measured 2.71–3.26× wall, 2.75–3.04× CPU, against 2.96–3.59× and 3.04–3.29× for the committed signer in the same runs.
- **Build the default nonce more cheaply.** It allocates about 700 bytes (a \`Buffer\` copied out of the pool, then \`base64url\` by per-character concatenation); with the first change as well, a prototype measured 2.55–2.77× wall, 2.58–2.70× CPU.`,
  },
  {
    title: 'Why signing is as fast as hand-written code',
    rows: ['hmac sign vs minimal node:crypto signer', 'webhook sign vs raw HMAC of id.timestamp.body'],
    text: `The first HMAC run measured 2.1× and the webhook run 5.7×. A CPU profile showed where the time
went, and none of it was the cryptography:

- **\`digest()\` into a Buffer** costs more than the HMAC itself on Node (the Buffer is made in C++);
  \`digest('hex')\` or \`digest('base64')\` is native. \`SignetCrypto\` now returns text when asked
  (\`hmacSha256(key, data, 'hex')\`), which the schemes use for what they send.
- **Each \`getrandom()\` call costs about 5 µs** on these machines, whatever the size. Signet's Node
  crypto draws small requests (nonces) from a 4 KiB pool refilled in one call, as Node's own
  \`randomUUID\` does; bytes are copied out and never served twice. This is why HMAC signing now
  measures *below* the baseline, which calls \`randomBytes(16)\` per request: without the pool the
  ratio is about 1.0.
- **New byte arrays** (\`TextEncoder\`, \`new Uint8Array\`, joining the webhook's
  \`id.timestamp.body\`) cost a microsecond or more each. \`SignetCrypto\` hashes strings as UTF-8
  and lists of parts as their concatenation, so nothing is joined or encoded first.
- **HMAC keys** are prepared once per key: a \`CryptoKey\` on Web Crypto, where \`importKey\` is a
  round trip of its own; a \`KeyObject\` on Node, which costs the same time as raw key bytes but
  saves the \`KeyObject\` \`createHmac\` would otherwise make on every call (about 170 bytes each).`,
  },
  {
    title: 'Where the fetch adapter misses, and what would close it',
    rows: ['fetch adapter vs raw fetch, concurrency 1', 'fetch adapter vs raw fetch, concurrency 64'],
    text: `The run this page shows: 1.11 at concurrency 1 (missed by 0.9 %) and 1.09 at 64 (met), with
p25–p75 as wide as 0.63–1.64 at 64; other runs the same day read 1.07–1.12 and 1.11–1.25. The adapter's own work, measured
without the network (the \`adapter overhead\` rows: the same in-memory \`fetch\` stand-in called
through \`withAuth\` and directly), is 4–11 µs per request (median 6.6) against raw fetch's
150–380 µs of client CPU on loopback, that is 2–5 %: what the loopback rows show beyond that is garbage collection of what the
request path allocates, and the noise of the kernel's TCP work, which is most of a loopback
request's client CPU (one CPU profile put \`writeLatin1String\`, the socket write, at about 40 % of it)
and depends on what else the machine runs.

History, so the numbers can be checked: the send loop's retry wrapper cost every idempotent request
25–40 µs until the first send moved outside p-retry (2026-11-28); the redacted request view is built
only when a body is read, and the loop no longer copies the caller's headers up front. Since then
(2026-11-28, this session) the loop makes no per-request closures or option literals for the
retries (one \`Exchange\` object per request), the attempt context is a class (an object literal with
a getter cost V8 600 ns to build), the fetch call's options are copied with \`Object.assign\` rather
than a spread literal (V8 builds a literal that spreads a non-empty object and adds fields on a slow
path, about 1 µs a field), and schemes that set one header use \`withHeader\` (no record to walk).
What would close the rest: one \`Headers\` copy per request instead of two (\`toOutgoingRequest\`'s
and the credential's), which needs the credential contract to let a scheme write into the copy
the adapter already owns; and fewer promises per request (the credential's \`authorize\` returning
a value when it has one at hand, a contract change measured at about 0.4 µs and 1 kB per request).`,
  },
  {
    title: 'Cached Bearer: what it costs',
    rows: ['bearer authorize (cached token), absolute', 'bearer authorize (cached token) vs header set by hand'],
    text: `A cached \`bearer()\` authorize asks the refresher for the token (a promise resolved at once
when the token is fresh), copies the request's \`Headers\` and sets \`Authorization\`. It cost
2.2–2.4 µs until 2026-11-28, over the 2 µs target: a scratch probe put 1.36 µs in \`withHeaders\`
(its \`Object.entries\` loop over one header) and most of the rest in a \`WeakMap\` entry per signed
request (which token generation it carried, to tell a straggler's 401 from the current token's).
The hot path is now one \`Headers\` copy and one \`set\`, and a refused request's \`Authorization\`
is compared with the current token instead (each refresh brings a new token): 0.93–1.08 µs over
three filtered runs that day. The ratio to the header set by hand (about 2×: 2.10, a miss by 5 %,
in the run this page shows; 1.84–2.08 in other runs the same day) is the refresher's freshness
check and the credential's own \`async\` hop. What would widen it: no \`async\` hop when the token
is at hand (a \`MaybePromise\` authorize, a contract change measured at about 0.4 µs), or one
\`Headers\` copy per request (see the fetch adapter).`,
  },
  {
    title: 'Cached JWT: the absolute row moves with the machine',
    rows: ['jwt authorize (cached JWT), absolute', 'jwt authorize (cached JWT)'],
    text: `A cached \`jwt()\` authorize does what a cached Bearer does (look up the audience's JWT, check
it is fresh on the corrected clock, copy the request's \`Headers\`, set \`Authorization\`), but
the value is a whole JWT, about 300 characters here, and undici's \`Headers.set\` checks every
character. An absolute target in microseconds moves with the machine: in one full run on 2026-11-28, every
timed row ran about 1.55 times slower than in the run before it (the header set by hand 0.76 µs
against 0.49, \`apiKey\` authorize 1.03 against 0.65), and the cached JWT read 2.15 µs, a miss,
against 1.39; in the run this page shows it reads 1.27 µs. Its ratio to the header set by hand, from which the machine's speed
cancels out, stayed at 1.5–1.7 in all three: the code did not get slower. What would widen the margin: the
one-\`Headers\`-copy contract change (see the fetch adapter), and no \`async\` hop when the JWT is
at hand (a \`MaybePromise\` authorize).`,
  },
  {
    title: 'Refresh bursts: what the rows show',
    rows: ['refresh burst: token calls for 1000 requests on an expired token', 'refresh burst: added latency (p50) for 1000 requests on an expired token'],
    text: `Every request of the burst is refused with a 401 at about the same moment. Signet's
\`bearer()\` refreshes only if the refused request carried the current token generation, and
the refresher holds one in-flight refresh for all callers, so the whole burst causes one token
request and each request is re-sent once with the new token. The naive wrapper asks for a token
per refused request: one token call per request in the burst, each an ES256-signed JWT at the
authorization server.

The added latency is large for both because the expired burst is twice the work of the warm one
(every request is sent twice, 1000 connections on a 2-core machine), not because of the refresh
itself; Signet's is lower because it sends one token request instead of 1000. There is no
target for it in the issue; it is reported so a regression shows.`,
  },
  {
    title: 'Bundle sizes: where the budgets are missed, and what would close it',
    rows: ['bundle: withAuth + bearer + refreshToken vs ky', 'bundle: hmac'],
    text: `The budgets (3 kB gzip for \`withAuth\` + \`bearer\` + \`refreshToken\`, 2 kB for \`hmac\`) come from
\`scripts/check-bundle-size.mjs\`, which CI runs; both are exceeded today (13.7 kB and 3.5 kB in the
run this page shows; 12.4 kB and 3.0 kB before the speed work of 2026-11-28, which added the
per-request \`Exchange\` class, the cancellation interface, lock renewal, the allocation-free
canonical query and base64, the synchronous HMAC path, and the refresher's ordering of sign-in and
sign-out against refreshes in flight), and that script's
\`--analyze\` lists the heaviest inputs. For the fetch entry: the token refresher (about 5.4 kB
minified: windows, single flight, store compare-and-swap, retries), the send loop and its retry
policy (about 3.7 + 1.6 + 1 kB), the token request and client authentication (about 4.4 kB),
\`p-retry\` (about 3.2 kB) and the origin policy (1.6 kB). For \`hmac\`: the scheme itself, option
checks, the clock-skew challenge reader and the redacted request view that errors carry.

Compared with peers, these are not like for like and the table says so: \`ky\` is a fetch wrapper
with no token handling (the refresh hook is the user's code); \`axios-auth-refresh\` is a 0.9 kB
interceptor that calls the user's refresh function on a 401 (the token request, expiry
tracking, storage and origin checks are the user's code, not in its number). What would close the budgets: replace \`p-retry\` with the
small bounded retry loop the send loop needs; split the refresher's store and lock plumbing so
the in-memory default does not pull in the compare-and-swap paths; load the grants' client
authentication variants (\`private_key_jwt\`) on demand as jose already is; keep error classes'
redaction helpers out of the \`hmac\` entry. Issue 9 asks for a decision on the budgets themselves.`,
  },
  {
    title: 'HMAC allocation: where it misses',
    rows: ['hmac sign, bytes allocated'],
    text: `Missed: 4.0 kB per signed request in the run this page shows, against a 2.5 kB target
(7.6–7.8 kB until 2026-11-28). A sampling heap profile that counts collected objects showed where
it went, and each change below was measured with it. First, 2.4 kB: the canonical query sorted
one key per pair (\`name NUL value\`, whose code-unit order is order by name then value) with an
insertion sort in place, where \`Array.prototype.sort\` allocated an 865-byte work array for two
pairs and the comparator's destructuring more; the path and the header values returned as they
are when already canonical; base64 built from character codes with one \`String.fromCharCode\`
(the 16-byte nonce cost 1.6 µs and 500 bytes, now 80 ns and 260 bytes); and the body hashed with
Node's one-shot \`crypto.hash\` (no \`Hash\` object; 0.37 µs against 1.16 µs for 200 bytes). Then
(a later session the same day) 1 kB more: \`hmac()\` signs without awaits where the platform
digests synchronously (the platform's own \`node:crypto\`; Web Crypto cannot, and a crypto the caller supplies is always awaited:
the \`async\` function and its two awaited digests were about 0.8 kB), and the string to sign is
built with one \`join\` instead of a rope of template pieces that the HMAC had to flatten again.
What remains, by the same profile: the copy of the request's \`Headers\` for the new
\`Authorization\` (about 0.9 kB: undici's \`Headers\` builds a sorted entry list and a \`Map\`, and
converts the value), the string to sign and the header value (about 1 kB), the nonce (0.2 kB),
\`node:crypto\`'s \`Hmac\` object (0.2 kB), and the canonical query (0.2 kB). What would close
it: let the credential write into the header copy the adapter already owns (the same contract
change the fetch row needs); even then the strings a signature is made of leave little room
under 2.5 kB.`,
  },
  {
    title: 'The undici interceptor and axios: where they miss, and what would close it',
    rows: [
      'undici interceptor (apiKey) vs raw undici.request, concurrency 1',
      'undici interceptor (apiKey) vs raw undici.request, concurrency 64',
      'undici interceptor (hmac) vs raw undici.request, concurrency 1',
      'undici interceptor (hmac) vs raw undici.request, concurrency 64',
      'axios adapter vs raw axios, concurrency 1',
      'axios adapter vs raw axios, concurrency 64',
      'undici: a minimal async interceptor vs raw undici.request, concurrency 64',
    ],
    text: `The run this page shows: the interceptor at 1.17 (apiKey) and 1.28 (hmac) at concurrency 64,
1.29 and 1.50 at concurrency 1, whose p25–p75 (1.11–1.82, 1.41–1.67) show how noisy 20-request
rounds are; rounds of 200 requests were tried and were no steadier. Other full runs the same day
read 1.15–1.23 and 1.23–1.30 at 64 (the hmac row met its 1.25 in one); at the start of that day
the rows read 1.40 and 1.98. The floor row is what any asynchronous interceptor costs
through undici's \`compose()\`: 1.04–1.09. \`compose()\` wraps the caller's old-style handler
(\`undici.request\`'s, fetch's) in a \`WrapHandler\`, and the Agent wraps ours in an
\`UnwrapHandler\`: the response's raw header list is parsed into a record for our handler, then
turned back into Buffers (one \`Buffer.from\` per name and value) for the caller's handler, which
parses them again. The interceptor now hands an old-style handler the dispatch's raw list as it
came (\`controller.rawHeaders\`, which undici's own interceptors keep in step with the headers they
change), skipping the second half of that round trip: about 5 µs less client CPU per request at
concurrency 64, measured old build against new in one process (1.27 → 1.19 apiKey, 1.39 → 1.34
hmac), and the caller gets what raw undici gives (with \`responseHeaders: 'raw'\`, the server's
spelling and each \`Set-Cookie\` line, which the wrapper lower-cased and joined). The HMAC rows
also gained from the scheme: the body hash of an empty body is a constant, \`onResponse\` parses
the \`Authorization\` it sent only for a 401 (it did for every response), and the digests are
synchronous on Node (see the HMAC allocation note): the \`adapter overhead\` row with HMAC went
from 9.8 to 7.9 µs per request, and 3.4 µs with \`apiKey\`, against raw \`undici.request\`'s
60–95 µs of client CPU at concurrency 64.

What would close the rest of the apiKey row: the first half of \`compose()\`'s round trip (the
Agent's parse of the raw headers for our handler) is only avoidable by giving the Agent an
old-style handler, an API undici 7 marks deprecated, for about 2 µs; the rest is garbage (the
request's \`URL\` and \`Headers\` built from undici's options, the credential's copy of the
\`Headers\`, the flat list for undici), which needs the same header contract change as the fetch
row. Earlier steps, each measured on the in-memory dispatcher: no \`AbortSignal\` per request
(Node 20 takes 3.5 µs to create one; the send loop watches a \`Cancellation\`, which the caller
controller implements directly), 17.5 → 10.2 µs; the dispatch options copied with
\`Object.assign\` instead of a spread literal that adds fields (3.2 µs on V8's slow path), → 5.4 µs;
the attempt context as a class and \`withHeader\`, → 3.2 µs.

axios: both rows met in the run this page shows (1.00 and 1.02), with p25–p75 as wide as 0.59–1.66
at concurrency 64: other runs the same day read 1.15–1.34 there, which is noise. The adapter's own
cost without the network was 19–24 µs per request until 2026-11-28, when a CPU profile showed 13 µs
of it was garbage collection: the adapter defined \`response.request\` on every response as an
accessor with a getter closure of its own. V8 keeps accessors in the hidden class, so each response
got a class of its own, held by the shared class's transitions until a full GC, and with it the
whole request; most of each request's garbage was promoted (in memory, scavenges took 946 ms per
60,000 requests against 82 ms for plain axios). With one shared accessor it is 10–13 µs, against
raw axios's 20 µs with an in-memory adapter and 230–460 µs of client CPU on loopback. axios itself
allocates about 27 kB per request (mostly \`mergeConfig\`); the adapter adds a copy of the config
for the inner adapter, \`AxiosHeaders\` ↔ \`Headers\`, and the send loop.`,
  },
  {
    title: 'Adapter overhead without the network: what the rows show',
    rows: [
      'adapter overhead: undici interceptor (apiKey), in-memory dispatcher',
      'adapter overhead: undici interceptor (hmac), in-memory dispatcher',
      'adapter overhead: fetch adapter (apiKey), in-memory fetch',
      'adapter overhead: axios adapter (apiKey), in-memory axios adapter',
    ],
    text: `Each round times an in-memory stand-in for the transport (an undici dispatch, a \`fetch\`, an
axios adapter that answers at once) called directly with the header set by hand, and the same
stand-in through the adapter, and reports the difference per request (elapsed time, garbage
collection included). With the kernel's TCP work taken out the numbers are steady (p25–p75 within
a few percent), so they catch a regression in Signet's own request path that the loopback rows'
noise would hide, and they say how much of each loopback miss is Signet's JavaScript: compare them
with the loopback rows' baseline, the transport's own client CPU per request. They have no target
in the issue and are reported.`,
  },
];
