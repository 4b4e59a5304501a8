-- wrk script: POST the file named by the environment's NAICXBRL_BODY to the URL's path.
local file = assert(io.open(os.getenv("NAICXBRL_BODY"), "rb"))
wrk.method = "POST"
wrk.body = file:read("*a")
file:close()
wrk.headers["Content-Type"] = "text/plain"
