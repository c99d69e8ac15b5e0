#!/bin/sh
test_description='syncro-sandbox: start-up lines, options, auth forms, clean stop'
. "$(dirname "$0")/../test-lib.sh"

start_sandbox

test_expect_success 'start_sandbox exports the URL and the key' '
	echo "$SYNCRO_BASE_URL" | grep "^http://127\.0\.0\.1:[0-9][0-9]*/api/v1$" &&
	test "$SANDBOX_URL/api/v1" = "$SYNCRO_BASE_URL" &&
	test "$SYNCRO_API_KEY" = "$TEST_API_KEY"
'

test_expect_success 'it prints the base URL and the two export lines, and listens on loopback only' '
	port=${SANDBOX_URL##*:} &&
	cat >expect <<-EOF &&
	# syncro sandbox: Syncro API v1 at http://127.0.0.1:$port/api/v1 (Ctrl-C stops it)
	export SYNCRO_BASE_URL=http://127.0.0.1:$port/api/v1
	export SYNCRO_API_KEY=$TEST_API_KEY
	EOF
	test_cmp expect "$TRASH_DIRECTORY/.sandbox.out" &&
	{ ss -ltn 2>/dev/null || netstat -ltn; } >listen &&
	grep ":$port " listen >mine &&
	test_grep_not "0\.0\.0\.0:$port\|\*:$port\|\[::\]:$port" mine
'

test_expect_success 'Bearer, bare Authorization and ?api_key= are all accepted' '
	sandbox_curl -H "Authorization: Bearer $TEST_API_KEY" "$SYNCRO_BASE_URL/me" | jq -r .user_name >out1 &&
	sandbox_curl -H "Authorization: bearer $TEST_API_KEY" "$SYNCRO_BASE_URL/me" | jq -r .user_name >out2 &&
	sandbox_curl -H "Authorization: $TEST_API_KEY" "$SYNCRO_BASE_URL/me" | jq -r .user_name >out3 &&
	sandbox_curl "$SYNCRO_BASE_URL/me?api_key=$TEST_API_KEY" | jq -r .user_name >out4 &&
	echo "Mike Ritter" >expect &&
	test_cmp expect out1 && test_cmp expect out2 && test_cmp expect out3 && test_cmp expect out4 &&
	sandbox_requests_json | jq -r ".requests[].auth" >auth &&
	printf "%s\n" bearer bearer header query >expect &&
	test_cmp expect auth
'

test_expect_success 'a wrong or missing key gets 401 {"error":"Not authorized"}' '
	sandbox_clear_requests &&
	sandbox_curl -o body1 -w "%{http_code}\n" -H "Authorization: Bearer nope" "$SYNCRO_BASE_URL/me" >code1 &&
	sandbox_curl -o body2 -w "%{http_code}\n" "$SYNCRO_BASE_URL/tickets?api_key=nope" >code2 &&
	sandbox_curl -o body3 -w "%{http_code}\n" "$SYNCRO_BASE_URL/me" >code3 &&
	echo 401 >expect && test_cmp expect code1 && test_cmp expect code2 && test_cmp expect code3 &&
	printf "{\"error\":\"Not authorized\"}" >expect &&
	test_cmp expect body1 && test_cmp expect body2 && test_cmp expect body3 &&
	cat >expect <<-\EOF &&
	GET /api/v1/me
	GET /api/v1/tickets?api_key=REDACTED
	GET /api/v1/me
	EOF
	sandbox_requests >actual &&
	test_cmp expect actual
'

test_expect_success 'an unknown path is 404 {"message":"Not found"}' '
	sandbox_curl -o body -w "%{http_code}\n" "$SYNCRO_BASE_URL/no_such_thing?api_key=$TEST_API_KEY" >code &&
	echo 404 >expect && test_cmp expect code &&
	printf "{\"message\":\"Not found\"}" >expect && test_cmp expect body
'

test_expect_success '-v traces one line per request on stderr, never the key' '
	(
		start_sandbox -v &&
		sandbox_curl -H "Authorization: Bearer $TEST_API_KEY" "$SYNCRO_BASE_URL/me" >/dev/null &&
		sandbox_curl "$SYNCRO_BASE_URL/tickets?number=32164&api_key=$TEST_API_KEY" >/dev/null &&
		sandbox_curl -H "Authorization: $TEST_API_KEY" -H "Content-Type: application/json" \
			-d "{\"subject\":\"x\"}" \
			"$SYNCRO_BASE_URL/tickets/108430330/comment" >/dev/null &&
		sandbox_curl "$SYNCRO_BASE_URL/me?api%5Fkey=wrong-$TEST_API_KEY" >/dev/null &&
		sandbox_fail "{\"path\":\"/api/v1/me\",\"close\":true}" &&
		test_must_fail sandbox_curl -H "Authorization: Bearer $TEST_API_KEY" "$SYNCRO_BASE_URL/me" &&
		stop_sandbox
	) &&
	cat >expect <<-\EOF &&
	GET /api/v1/me 200
	GET /api/v1/tickets?number=32164&api_key=REDACTED 200
	POST /api/v1/tickets/108430330/comment 422
	GET /api/v1/me?api%5Fkey=REDACTED 401
	POST /__sandbox/fail 200
	GET /api/v1/me dropped
	EOF
	# libmicrohttpd says so itself when a connection is dropped on purpose
	grep -v "^Application reported internal error" .sandbox.err >actual &&
	test_cmp expect actual &&
	test_grep_not "$TEST_API_KEY" .sandbox.err
'

test_expect_success 'SIGTERM and SIGINT stop a sandbox cleanly (exit 0)' '
	for sig in TERM INT; do
		# a file of its own: the lines of the run before would let the kill
		# come before the sandbox blocks the signal
		syncro-sandbox --port 0 --data "$abs_top_srcdir/sandbox/demo.json" >out.$sig 2>err &
		pid=$! &&
		test_wait_for "^export SYNCRO_API_KEY=sandbox$" out.$sig &&
		kill -$sig $pid &&
		wait $pid &&
		{ test ! -s err || { cat err; false; }; } || return 1
	done
'

test_expect_success 'bad options are usage errors (exit 2)' '
	test_expect_code 2 syncro-sandbox --page-size 0 2>err &&
	grep "page-size" err &&
	test_expect_code 2 syncro-sandbox --port 70000 2>err &&
	grep "port" err &&
	test_expect_code 2 syncro-sandbox --bogus 2>err &&
	grep "unknown option" err
'

test_expect_success 'an unreadable data file is an error that names it' '
	test_expect_code 1 syncro-sandbox --port 0 --data nowhere.json 2>err &&
	grep "nowhere.json" err &&
	echo "[1,2]" >bad.json &&
	test_expect_code 1 syncro-sandbox --port 0 --data bad.json 2>err &&
	grep "bad.json" err
'

test_expect_success '--help names every option' '
	syncro-sandbox --help >help &&
	for o in --port --data --api-key --rate-limit --page-size --max-per-page \
		 --no-retry-after --test-controls --quirk --ignore-comment-time --help --verbose; do
		grep -e "^ *\(-[a-z], \)\?$o\( \|\$\)" help || { echo "$o is not in --help"; return 1; }
	done
'

test_done
