-- Signed-in readers asking for the paths listed in $BENCH_PATHS (one a line) in turn, each
-- request with the access token of one of the readers in $BENCH_TOKENS (one a line), also in turn.
dofile(os.getenv("BENCH_LUA") .. "/report.lua")

local paths, tokens = {}, {}
local i = 0

local function read_lines(path, into)
  for line in io.lines(path) do
    if #line > 0 then into[#into + 1] = line end
  end
end

function init(args)
  read_lines(os.getenv("BENCH_PATHS"), paths)
  read_lines(os.getenv("BENCH_TOKENS"), tokens)
  i = math.random(#paths * #tokens)
end

function request()
  i = i + 1
  local path = paths[i % #paths + 1]
  local token = tokens[i % #tokens + 1]
  return wrk.format("GET", path, { ["Authorization"] = "Bearer " .. token })
end
