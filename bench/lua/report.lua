-- Prints one machine-readable line with what bench/run needs from a wrk run.
-- Every scenario script loads this file (wrk takes a single script).
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "BENCH requests=%d duration_us=%d p50_us=%d p99_us=%d non2xx=%d connect=%d read=%d write=%d timeout=%d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    e.status, e.connect, e.read, e.write, e.timeout))
  if statuses_report then statuses_report() end
end
