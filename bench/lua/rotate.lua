-- Requests the paths listed in $BENCH_PATHS (one a line) in turn: the warm-up mix.
dofile(os.getenv("BENCH_LUA") .. "/report.lua")

local paths = {}
local i = 0

function init(args)
  for line in io.lines(os.getenv("BENCH_PATHS")) do
    if #line > 0 then paths[#paths + 1] = line end
  end
  i = math.random(#paths)
end

function request()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
