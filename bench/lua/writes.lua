-- The write mix: signed-in readers like, unlike and comment on random articles.
-- $BENCH_TOKENS: one access token a line; $BENCH_SLUGS: one article slug a line;
-- $BENCH_OPS: the operations to cycle through, comma-separated (like,unlike,comment).
dofile(os.getenv("BENCH_LUA") .. "/report.lua")

local tokens, slugs, ops = {}, {}, {}
local n = 0
statuses = {}
local threads = {}

local function read_lines(path, into)
  for line in io.lines(path) do
    if #line > 0 then into[#into + 1] = line end
  end
end

function setup(thread)
  thread:set("id", #threads + 1)
  threads[#threads + 1] = thread
end

function init(args)
  read_lines(os.getenv("BENCH_TOKENS"), tokens)
  read_lines(os.getenv("BENCH_SLUGS"), slugs)
  for op in string.gmatch(os.getenv("BENCH_OPS"), "[^,]+") do ops[#ops + 1] = op end
  math.randomseed(os.time() + (id or 0) * 7919)
end

function request()
  n = n + 1
  local op = ops[(n % #ops) + 1]
  local token = tokens[math.random(#tokens)]
  local path = "/api/v1/articles/" .. slugs[math.random(#slugs)]
  local headers = { ["Authorization"] = "Bearer " .. token }
  if op == "like" then
    return wrk.format("PUT", path .. "/like", headers)
  elseif op == "unlike" then
    return wrk.format("DELETE", path .. "/like", headers)
  else
    headers["Content-Type"] = "application/json"
    local body = string.format('{"body":"Benchmark comment %d from thread %d: useful summary."}',
                               n, id or 0)
    return wrk.format("POST", path .. "/comments", headers, body)
  end
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function statuses_report()
  local total = {}
  for _, thread in ipairs(threads) do
    local counts = thread:get("statuses")
    for status, count in pairs(counts or {}) do
      total[status] = (total[status] or 0) + count
    end
  end
  local parts = {}
  for status, count in pairs(total) do parts[#parts + 1] = status .. ":" .. count end
  table.sort(parts)
  io.write("BENCH_STATUSES " .. table.concat(parts, ",") .. "\n")
end
