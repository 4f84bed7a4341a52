-- GET /me under wrk, authenticated: the ceiling set by HTTP, authentication and logging.
-- Env: B1_TOKEN.
package.path = os.getenv("BENCH_WRK_DIR") .. "/?.lua;" .. package.path
require("report")

wrk.method = "GET"
wrk.path = "/me"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("B1_TOKEN")
