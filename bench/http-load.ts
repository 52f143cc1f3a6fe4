import autocannon from 'autocannon';

/**
 * The load generator of `npm run bench:http`, in its own process:
 * `node dist/bench/http-load.js <url> <seconds> <connections>` with the
 * bearer token in BENCH_TOKEN; prints one JSON line of figures.
 */
async function main(): Promise<void> {
  const [url, seconds, connections] = process.argv.slice(2);
  const r = await autocannon({
    url,
    headers: { authorization: `Bearer ${process.env.BENCH_TOKEN ?? ''}` },
    duration: Number(seconds),
    connections: Number(connections),
  });
  process.stdout.write(
    `${JSON.stringify({ requests: r.requests.total, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx, errors: r.errors })}\n`,
  );
}

main().catch((err: Error) => {
  process.stderr.write(`${err.stack ?? err.message}\n`);
  process.exit(1);
});
