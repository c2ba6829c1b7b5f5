-- Plain GET of the URL given to wrk (no response() callback: wrk stays as cheap as possible).
local dir = debug.getinfo(1, "S").source:sub(2):match("(.*/)")
dofile(dir .. "report.lua")

done = function(summary, latency, requests)
  bench_report(summary, latency, nil)
end
