-- Load for scale/run: GETs over the paths in $SCALE_PATHS (one a line), each request from its
-- own client address (X-Forwarded-For 10.t.x.y, a new one per request, so that no simulated
-- client reaches the per-address limit), signed in when $SCALE_TOKEN is set (then neither the
-- shared cache nor the app's response cache answers). done() prints one SCALE line with the
-- counts scale/run reads: requests, socket errors, statuses, and 503s without Retry-After.
-- $SCALE_DELAY_MS (optional) paces each connection, so that instances can still start while
-- the load runs on a small machine.
local paths = {}
local threads = {}
local n = 0
statuses = {}
no_retry_after = 0

function setup(thread)
  thread:set("id", #threads + 1)
  threads[#threads + 1] = thread
end

function init(args)
  for line in io.lines(os.getenv("SCALE_PATHS")) do
    if #line > 0 then paths[#paths + 1] = line end
  end
  token = os.getenv("SCALE_TOKEN")
  if token == "" then token = nil end
  n = (id or 1) * 7919
  pause = tonumber(os.getenv("SCALE_DELAY_MS") or "") or 0
end

function delay()
  return pause
end

function request()
  n = n + 1
  local headers = {
    ["X-Forwarded-For"] = string.format("10.%d.%d.%d", (id or 1) % 250 + 1,
                                        math.floor(n / 250) % 250 + 1, n % 250 + 1)
  }
  if token then headers["Authorization"] = "Bearer " .. token end
  return wrk.format("GET", paths[n % #paths + 1], headers)
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
  if status == 503 and not (headers["Retry-After"] or headers["retry-after"]) then
    no_retry_after = no_retry_after + 1
  end
end

function done(summary, latency, requests)
  local total, missing = {}, 0
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses") or {}) do
      total[status] = (total[status] or 0) + count
    end
    missing = missing + (thread:get("no_retry_after") or 0)
  end
  local parts = {}
  for status, count in pairs(total) do parts[#parts + 1] = status .. ":" .. count end
  table.sort(parts)
  local e = summary.errors
  io.write(string.format(
    "SCALE requests=%d duration_us=%d p50_us=%d p99_us=%d non2xx3xx=%d connect=%d read=%d write=%d timeout=%d no_retry_after=%d statuses=%s\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    e.status, e.connect, e.read, e.write, e.timeout, missing, table.concat(parts, ",")))
end
