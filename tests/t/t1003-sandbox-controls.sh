#!/bin/sh
test_description='syncro-sandbox: the test controls (request log, reset, injected failures)'
. "$(dirname "$0")/../test-lib.sh"

start_sandbox

test_expect_success 'the log lists each request as METHOD PATH?QUERY, the key masked' '
	sandbox_curl -H "Authorization: Bearer $TEST_API_KEY" "$SYNCRO_BASE_URL/tickets?status=New&page=2" >/dev/null &&
	sandbox_curl "$SYNCRO_BASE_URL/me?api_key=$TEST_API_KEY" >/dev/null &&
	sandbox_curl "$SYNCRO_BASE_URL/tickets?page=1&api_key=$TEST_API_KEY" >/dev/null &&
	cat >expect <<-\EOF &&
	GET /api/v1/tickets?status=New&page=2
	GET /api/v1/me?api_key=REDACTED
	GET /api/v1/tickets?page=1&api_key=REDACTED
	EOF
	sandbox_requests >actual &&
	test_cmp expect actual &&
	sandbox_requests_json >log.json &&
	test_grep_not "$TEST_API_KEY" log.json
'

test_expect_success 'the JSON log has method, path, query, body (parsed), auth and connection' '
	sandbox_clear_requests &&
	sandbox_curl -X PUT -H "Authorization: Bearer $TEST_API_KEY" -H "Content-Type: application/json" \
		--data "{\"status\":\"In Progress\"}" "$SYNCRO_BASE_URL/tickets/108430330" >/dev/null &&
	sandbox_curl -X POST -H "Authorization: $TEST_API_KEY" -H "Content-Type: text/plain" \
		--data "not json" "$SYNCRO_BASE_URL/tickets/108430330/comment" >/dev/null &&
	sandbox_requests_json >log.json &&
	jq -c ".requests[0].connection as \$first | .requests[] | .connection -= \$first" log.json >actual &&
	cat >expect <<-\EOF &&
	{"method":"PUT","path":"/api/v1/tickets/108430330","query":null,"body":{"status":"In Progress"},"auth":"bearer","status":200,"connection":0}
	{"method":"POST","path":"/api/v1/tickets/108430330/comment","query":null,"body":"not json","auth":"header","status":400,"connection":1}
	EOF
	test_cmp expect actual
'

test_expect_success 'the log keeps the last 10000 requests and counts the dropped ones' '
	(
		start_sandbox --rate-limit 0 &&
		sandbox_curl -o /dev/null -H "Authorization: Bearer $TEST_API_KEY" \
			"$SYNCRO_BASE_URL/no_such_thing?n=[1-10005]" &&
		sandbox_requests_json >big.json &&
		sandbox_clear_requests &&
		sandbox_requests_json >cleared.json &&
		stop_sandbox
	) &&
	jq -c "[(.requests | length), .dropped, .requests[0].query, .requests[-1].query]" big.json >actual &&
	echo "[10000,5,\"n=6\",\"n=10005\"]" >expect &&
	test_cmp expect actual &&
	jq -c . cleared.json >actual &&
	echo "{\"requests\":[],\"dropped\":0}" >expect &&
	test_cmp expect actual
'

test_expect_success 'sandbox_get is not logged, and the log can be cleared' '
	sandbox_clear_requests &&
	sandbox_get me >/dev/null &&
	sandbox_requests >actual &&
	test ! -s actual
'

test_expect_success 'reset brings the loaded data back and clears the log' '
	sandbox_get tickets/108430330 | jq -r .ticket.status >before &&
	echo "In Progress" >expect && test_cmp expect before &&
	sandbox_reset &&
	sandbox_get tickets/108430330 | jq -r .ticket.status >after &&
	echo New >expect && test_cmp expect after &&
	sandbox_requests >actual &&
	test ! -s actual
'

test_expect_success 'fail: the next N matching requests get the given answer' '
	sandbox_fail "{\"method\":\"POST\",\"path\":\"/api/v1/tickets/*/comment\",\"count\":2,\"status\":500,
		\"body\":\"<html>oops</html>\",\"content_type\":\"text/html\",\"headers\":{\"Retry-After\":\"1\"}}" &&
	for i in 1 2 3; do
		sandbox_curl -D head$i -o body$i -w "%{http_code}\n" -X POST \
			-H "Authorization: Bearer $TEST_API_KEY" -H "Content-Type: application/json" \
			--data "{\"subject\":\"s\",\"body\":\"b\"}" \
			"$SYNCRO_BASE_URL/tickets/108430330/comment" >>codes || return 1
	done &&
	printf "%s\n" 500 500 200 >expect && test_cmp expect codes &&
	printf "<html>oops</html>" >expect && test_cmp expect body1 &&
	grep -i "^content-type: text/html" head1 &&
	grep -i "^retry-after: 1" head2 &&
	jq -r .comment.subject body3 >actual && echo s >expect && test_cmp expect actual
'

test_expect_success 'fail: the method is optional and * is one segment' '
	sandbox_fail "{\"path\":\"/api/v1/tickets/*\",\"status\":503,\"body\":\"{}\"}" &&
	sandbox_curl -o /dev/null -w "%{http_code}\n" -H "Authorization: Bearer $TEST_API_KEY" \
		"$SYNCRO_BASE_URL/tickets" >codes &&
	sandbox_curl -o /dev/null -w "%{http_code}\n" -H "Authorization: Bearer $TEST_API_KEY" \
		"$SYNCRO_BASE_URL/tickets/108430330/comments" >>codes &&
	sandbox_curl -o /dev/null -w "%{http_code}\n" -X DELETE -H "Authorization: Bearer $TEST_API_KEY" \
		"$SYNCRO_BASE_URL/tickets/1" >>codes &&
	printf "%s\n" 200 200 503 >expect && test_cmp expect codes
'

test_expect_success 'fail: close drops the connection without an answer' '
	sandbox_fail "{\"path\":\"/api/v1/me\",\"close\":true}" &&
	test_expect_code 52 sandbox_curl -H "Authorization: Bearer $TEST_API_KEY" "$SYNCRO_BASE_URL/me" 2>err &&
	sandbox_curl -o /dev/null -w "%{http_code}\n" -H "Authorization: Bearer $TEST_API_KEY" \
		"$SYNCRO_BASE_URL/me" >code &&
	echo 200 >expect && test_cmp expect code
'

test_expect_success 'fail: delay_ms delays the answer (a normal one without status)' '
	sandbox_fail "{\"path\":\"/api/v1/me\",\"delay_ms\":1500}" &&
	test_expect_code 28 sandbox_curl --max-time 0.5 -H "Authorization: Bearer $TEST_API_KEY" \
		"$SYNCRO_BASE_URL/me" 2>err &&
	sandbox_fail "{\"path\":\"/api/v1/me\",\"delay_ms\":300}" &&
	sandbox_curl -H "Authorization: Bearer $TEST_API_KEY" "$SYNCRO_BASE_URL/me" | jq -r .user_id >actual &&
	echo 74571 >expect && test_cmp expect actual
'

test_expect_success 'a malformed fail rule is refused with 400 and a reason' '
	test_must_fail sandbox_fail "{\"status\":500}" >out 2>&1 &&
	sandbox_curl -X POST --data "{\"path\":\"/x\",\"status\":42}" "$SANDBOX_URL/__sandbox/fail" >body &&
	jq -r .error body >actual &&
	echo "'"'"'status'"'"' must be an HTTP status, not 42" >expect &&
	test_cmp expect actual
'

test_expect_success 'huge numbers in a fail rule are cut or refused, never a crash' '
	sandbox_fail "{\"path\":\"/api/v1/users\",\"count\":1e300,\"status\":503}" &&
	sandbox_curl -o /dev/null -w "%{http_code}\n" -H "Authorization: Bearer $TEST_API_KEY" \
		"$SYNCRO_BASE_URL/users" >actual &&
	echo 503 >expect && test_cmp expect actual &&
	sandbox_curl -X DELETE "$SANDBOX_URL/__sandbox/fail" >/dev/null &&
	for rule in "\"status\":1e300" "\"status\":-1e300" "\"delay_ms\":1e300" "\"delay_ms\":600001"; do
		sandbox_curl -X POST --data "{\"path\":\"/x\",$rule}" "$SANDBOX_URL/__sandbox/fail" |
			jq -r .error || return 1
	done >actual &&
	cat >expect <<-\EOF &&
	'"'"'status'"'"' must be an HTTP status, not 1000000000
	method, path, body and content_type must be strings, count, status and delay_ms non-negative numbers, headers an object of strings
	'"'"'delay_ms'"'"' must be at most 600000
	'"'"'delay_ms'"'"' must be at most 600000
	EOF
	test_cmp expect actual
'

test_expect_success 'reset also forgets pending failures' '
	sandbox_fail "{\"path\":\"/api/v1/me\",\"status\":500}" &&
	sandbox_reset &&
	sandbox_curl -o /dev/null -w "%{http_code}\n" -H "Authorization: Bearer $TEST_API_KEY" \
		"$SYNCRO_BASE_URL/me" >code &&
	echo 200 >expect && test_cmp expect code
'

test_expect_success 'without --test-controls the controls do not exist' '
	(
		syncro-sandbox --port 0 --data "$abs_top_srcdir/sandbox/demo.json" >out &
		pid=$! &&
		test_wait_for "^export SYNCRO_API_KEY" out &&
		url=$(sed -n "s/^export SYNCRO_BASE_URL=//p" out) &&
		sandbox_curl -o /dev/null -w "%{http_code}\n" "${url%/api/v1}/__sandbox/requests" >code &&
		sandbox_curl -o /dev/null -w "%{http_code}\n" -X POST "${url%/api/v1}/__sandbox/reset" >>code &&
		kill $pid && wait $pid
	) &&
	printf "%s\n" 404 404 >expect && test_cmp expect code
'

test_done
