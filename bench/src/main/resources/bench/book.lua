-- POST /api/v1/consultations: each request books another slot (BENCH_SLOTS, one id per line) with
-- another organization's token (BENCH_TOKENS, one per line). Counts answers by class; each thread
-- stops after BENCH_MAX_PER_THREAD answers (the run is bounded by count and by wrk's -d).
local dir = debug.getinfo(1, "S").source:sub(2):match("(.*/)")
dofile(dir .. "report.lua")

local slots, tokens = {}, {}
for line in io.lines(os.getenv("BENCH_SLOTS")) do slots[#slots + 1] = line end
for line in io.lines(os.getenv("BENCH_TOKENS")) do tokens[#tokens + 1] = line end
local nthreads = tonumber(os.getenv("BENCH_THREADS"))
local max_per_thread = tonumber(os.getenv("BENCH_MAX_PER_THREAD"))
local path = os.getenv("BENCH_PATH") or "/api/v1/consultations"

local threads = {}
local next_id = 0
setup = function(thread)
  thread:set("tid", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

tid = 0
local n = 0
c201, c409, c4xx, c5xx, other, answered = 0, 0, 0, 0, 0, 0
local template = '{"slotId":"%s","topics":["ICT_ENVIRONMENT","LABOR_MANAGEMENT"],"requester":{"organizationName":"Bench Trading K.K.",' ..
  '"organizationType":"SME","employeeCount":35,"industry":"Wholesale","prefecture":"13","contactPerson":"Bench Taro",' ..
  '"email":"bench@example.jp","phone":"03-1234-5678"},"notes":"benchmark booking"}'

request = function()
  local i = n * nthreads + tid
  n = n + 1
  local slot = slots[(i % #slots) + 1]
  local token = tokens[(i % #tokens) + 1]
  return wrk.format("POST", path, {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token},
    string.format(template, slot))
end

response = function(status, headers, body)
  answered = answered + 1
  if status == 201 then c201 = c201 + 1
  elseif status == 409 then c409 = c409 + 1
  elseif status >= 500 then c5xx = c5xx + 1
  elseif status >= 400 then c4xx = c4xx + 1
  else other = other + 1 end
  if answered >= max_per_thread then wrk.thread:stop() end
end

done = function(summary, latency, requests)
  local t = {c201 = 0, c409 = 0, c4xx = 0, c5xx = 0, other = 0}
  for _, thread in ipairs(threads) do
    for k, _ in pairs(t) do t[k] = t[k] + (thread:get(k) or 0) end
  end
  bench_report(summary, latency, string.format(',"status201":%d,"status409":%d,"status4xx":%d,"status5xx":%d,"statusOther":%d',
    t.c201, t.c409, t.c4xx, t.c5xx, t.other))
end
