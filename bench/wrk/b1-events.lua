-- B1 under wrk: one connection per thread (-t N -c N), so each thread is one sequential client
-- that owns its slice of regulations and sends SUBMIT_FOR_REVIEW then COMPLETE_REVIEW to each.
-- Env: B1_IDS (file, one regulation id a line), B1_PER_THREAD, B1_TOKEN.
package.path = os.getenv("BENCH_WRK_DIR") .. "/?.lua;" .. package.path
require("report")

local next_thread = 0
function setup(thread)
  thread:set("k", next_thread)
  next_thread = next_thread + 1
end

local ids, n, headers
local bodies = {
  '{"type":"SUBMIT_FOR_REVIEW"}',
  '{"type":"COMPLETE_REVIEW","necessary":true,"legal":true,"reasonable":false}',
}

function init(args)
  local per = tonumber(os.getenv("B1_PER_THREAD"))
  local first, i = k * per, 0
  ids = {}
  for line in io.lines(os.getenv("B1_IDS")) do
    if i >= first and i < first + per then ids[#ids + 1] = line end
    i = i + 1
  end
  n = 0
  -- wrk calls request() once on thread 0 before connecting, to check the script: not sent.
  checked = k ~= 0
  headers = {
    ["Authorization"] = "Bearer " .. os.getenv("B1_TOKEN"),
    ["Content-Type"] = "application/json",
  }
end

function request()
  if not checked then
    checked = true
    return wrk.format("GET", "/health/live")
  end
  local idx = math.floor(n / 2) + 1
  local body = bodies[(n % 2) + 1]
  n = n + 1
  -- Out of regulations: a path that answers 404, counted as a failure by the bench.
  local id = ids[idx] or "00000000-0000-0000-0000-000000000000"
  return wrk.format("POST", "/regulations/" .. id .. "/events", headers, body)
end

-- BENCH_DEBUG=1: print the first failed answers (costs client CPU, so off when measuring).
if os.getenv("BENCH_DEBUG") then
  local shown = 0
  function response(status, headers, body)
    if status >= 300 and shown < 3 then
      shown = shown + 1
      io.stderr:write("thread " .. k .. " n=" .. n .. " status " .. status .. ": " .. body .. "\n")
    end
  end
end
