-- wrk script of benchmarks/bench_api.py: POSTs the single-query /match bodies of a file (one JSON
-- document per line) in turn, with the API key; counts 5xx answers; prints one JSON summary line.
-- wrk -t2 -c8 -d40s --latency -s bench_api.lua URL -- BODIES_FILE API_KEY
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  bodies = {}
  for line in io.lines(args[1]) do
    if #line > 0 then bodies[#bodies + 1] = line end
  end
  headers = {["Content-Type"] = "application/json", ["Authorization"] = "ApiKey " .. args[2]}
  index = math.random(#bodies)
  errors5xx = 0
  non2xx = 0
end

function request()
  index = index % #bodies + 1
  return wrk.format("POST", nil, headers, bodies[index])
end

function response(status, headers, body)
  if status >= 500 then errors5xx = errors5xx + 1 end
  if status < 200 or status > 299 then non2xx = non2xx + 1 end
end

function done(summary, latency, requests)
  local e5, n2 = 0, 0
  for _, thread in ipairs(threads) do
    e5 = e5 + thread:get("errors5xx")
    n2 = n2 + thread:get("non2xx")
  end
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format(
    'JSON {"requests": %d, "duration_us": %d, "p50_us": %d, "p99_us": %d, "errors_5xx": %d, ' ..
    '"non2xx": %d, "socket_errors": %d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), e5, n2, errors))
end
