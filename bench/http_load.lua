-- wrk script for bench/http_load.sh: POSTs one JSON body to /v1/analyze on
-- every request, counts the answers by status (any status outside 200-299 is
-- an error), and at the end writes one tab-separated line that
-- bench/http_load.py reads:
--   CREDENCE_WRK  requests  duration_us  p50_us  p99_us  non2xx
--                 connect  read  write  timeout  statuses
-- (statuses: "200:1234,503:5", every status seen, sorted). wrk's own summary
-- stays above it for the log. Usage:
--   CREDENCE_WRK_BODY=BODY.json wrk ... -s bench/http_load.lua URL/v1/analyze
-- Every Lua state wrk makes (the main one and one per thread) runs this file,
-- so each reads the body; the request itself is built from the main state.

local body_path = os.getenv("CREDENCE_WRK_BODY")
if body_path == nil or body_path == "" then
  error("http_load.lua: set CREDENCE_WRK_BODY to the request body's file")
end
local file = assert(io.open(body_path, "rb"), "http_load.lua: cannot read " .. body_path)
wrk.method = "POST"
wrk.body = file:read("*a")
file:close()
wrk.headers["Content-Type"] = "application/json"

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  non2xx = 0
  statuses = {}
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
  end
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local total_non2xx = 0
  local by_status = {}
  for _, thread in ipairs(threads) do
    total_non2xx = total_non2xx + thread:get("non2xx")
    for status, count in pairs(thread:get("statuses")) do
      by_status[status] = (by_status[status] or 0) + count
    end
  end
  local codes = {}
  for status, _ in pairs(by_status) do
    table.insert(codes, status)
  end
  table.sort(codes)
  local parts = {}
  for _, status in ipairs(codes) do
    table.insert(parts, string.format("%d:%d", status, by_status[status]))
  end
  local e = summary.errors
  io.write(string.format("CREDENCE_WRK\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%s\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    total_non2xx, e.connect, e.read, e.write, e.timeout, #parts > 0 and table.concat(parts, ",") or "-"))
end
