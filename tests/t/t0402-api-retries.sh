#!/bin/sh
test_description='retries: 429 waited out, idempotent requests retried, POST never repeated'
. "$(dirname "$0")/../test-lib.sh"

start_sandbox

mkdir -p "$XDG_CONFIG_HOME/syncro"
cat >"$XDG_CONFIG_HOME/syncro/config.yaml" <<\EOF
rate_limit:
  wait: 1
EOF
cat >short-timeout.yaml <<\EOF
rate_limit:
  wait: 1
timeout: 1
EOF

# A delayed request is logged when the sandbox answers it: wait for N.
wait_for_requests () {
	n=0
	while test "$(sandbox_requests | wc -l)" -lt "$1" && test $n -lt 600; do
		sleep 0.1
		n=$((n + 1))
	done
}

sandbox_get me | jq . >expect.me

test_expect_success '429 with Retry-After: waits what the server says, then succeeds' '
	sandbox_clear_requests &&
	sandbox_fail "{\"path\":\"/api/v1/me\",\"status\":429,\"body\":\"{\\\"error\\\":\\\"Rate limit exceeded\\\"}\",
		\"headers\":{\"Retry-After\":\"2\"}}" &&
	syncro api /me >out 2>err &&
	echo "syncro: rate limited by the API on GET /me; retrying in 2 s (1 of 3)" >expect &&
	test_cmp expect err &&
	test_cmp expect.me out &&
	expect_requests "GET /api/v1/me" "GET /api/v1/me"
'

test_expect_success TTY 'on a terminal the wait is a countdown on one line' '
	sandbox_clear_requests &&
	sandbox_fail "{\"path\":\"/api/v1/me\",\"status\":429,\"body\":\"{}\",\"headers\":{\"Retry-After\":\"2\"}}" &&
	script -qec "syncro api /me >/dev/null" /dev/null >typescript &&
	{ cat typescript && echo; } | tr "\r" "\n" | sed "s/$(printf "\033")\[K/<clear>/" >actual &&
	cat >expect <<-\EOF &&

	syncro: rate limited by the API; retrying in 2 s (1 of 3) 
	syncro: rate limited by the API; retrying in 1 s (1 of 3) 
	<clear>
	EOF
	test_cmp expect actual &&
	expect_requests "GET /api/v1/me" "GET /api/v1/me"
'

test_expect_success '429 without Retry-After: waits rate_limit.wait from the config' '
	sandbox_clear_requests &&
	sandbox_fail "{\"path\":\"/api/v1/me\",\"status\":429,\"count\":2,\"body\":\"{}\"}" &&
	syncro api /me >out 2>err &&
	cat >expect <<-\EOF &&
	syncro: rate limited by the API on GET /me; retrying in 1 s (1 of 3)
	syncro: rate limited by the API on GET /me; retrying in 1 s (2 of 3)
	EOF
	test_cmp expect err &&
	test_cmp expect.me out &&
	expect_requests "GET /api/v1/me" "GET /api/v1/me" "GET /api/v1/me"
'

cat >expect.429 <<\EOF
syncro: rate limited by the API on POST /tickets/108430330/comment; retrying in 1 s (1 of 3)
syncro: rate limited by the API on POST /tickets/108430330/comment; retrying in 1 s (2 of 3)
syncro: rate limited by the API on POST /tickets/108430330/comment; retrying in 1 s (3 of 3)
syncro: rate limited by the Syncro API on 'POST /tickets/108430330/comment', still after 3 retries
hint: wait a minute and try again; other programs on this network may share the limit
EOF
test_expect_success 'still 429 after three waits is exit 6 (a 429 POST was not processed: retried)' '
	sandbox_clear_requests &&
	sandbox_fail "{\"path\":\"/api/v1/tickets/*/comment\",\"status\":429,\"count\":4,\"body\":\"{}\"}" &&
	test_expect_code 6 syncro api -X POST /tickets/108430330/comment -f subject=s -f body=b >out 2>err &&
	test_cmp expect.429 err &&
	C="POST /api/v1/tickets/108430330/comment" &&
	expect_requests "$C" "$C" "$C" "$C"
'

test_expect_success 'a Retry-After over 600 s is not waited out: exit 6 naming the wait' '
	sandbox_clear_requests &&
	sandbox_fail "{\"path\":\"/api/v1/me\",\"status\":429,\"body\":\"{}\",\"headers\":{\"Retry-After\":\"3600\"}}" &&
	test_expect_code 6 syncro api /me >out 2>err &&
	cat >expect <<-\EOF &&
	syncro: rate limited by the Syncro API on '"'"'GET /me'"'"', which asks to wait 3600 s
	hint: try again later; other programs on this network may share the limit
	EOF
	test_cmp expect err &&
	expect_requests "GET /api/v1/me"
'

test_expect_success '500 then 200 on a GET: retried once, the answer printed' '
	sandbox_clear_requests &&
	sandbox_fail "{\"path\":\"/api/v1/me\",\"status\":500,\"body\":\"<html>oops</html>\",\"content_type\":\"text/html\"}" &&
	syncro api /me >out 2>err &&
	test_cmp expect.me out &&
	test ! -s err &&
	expect_requests "GET /api/v1/me" "GET /api/v1/me"
'

test_expect_success 'a GET that keeps failing is tried three times, then exit 7' '
	sandbox_clear_requests &&
	sandbox_fail "{\"path\":\"/api/v1/me\",\"status\":503,\"count\":3,\"body\":\"{\\\"error\\\":\\\"maintenance\\\"}\"}" &&
	test_expect_code 7 syncro api /me >out 2>err &&
	cat >expect <<-\EOF &&
	syncro: the Syncro API failed on '\''GET /me'\'' with 503 (application/json; charset=utf-8): maintenance
	hint: try again later; Syncro may be having trouble
	EOF
	test_cmp expect err &&
	expect_requests "GET /api/v1/me" "GET /api/v1/me" "GET /api/v1/me"
'

test_expect_success '500 on a POST is not repeated' '
	sandbox_clear_requests &&
	sandbox_fail "{\"path\":\"/api/v1/tickets/*/comment\",\"status\":500,\"body\":\"{}\"}" &&
	test_expect_code 7 syncro api -X POST /tickets/108430330/comment -f subject=s -f body=b >out 2>err &&
	expect_requests "POST /api/v1/tickets/108430330/comment" &&
	sandbox_get tickets/108430330/comments | jq "[.comments[] | select(.subject == \"s\")] | length" >count &&
	echo 0 >expect && test_cmp expect count
'

test_expect_success '500 on a PUT is retried (PUT is idempotent)' '
	sandbox_clear_requests &&
	sandbox_fail "{\"method\":\"PUT\",\"path\":\"/api/v1/tickets/*\",\"status\":502,\"body\":\"\"}" &&
	syncro api -X PUT /tickets/108430330 -f priority="2 Normal" >out 2>err &&
	jq -r .ticket.priority out >actual && echo "2 Normal" >expect && test_cmp expect actual &&
	expect_requests "PUT /api/v1/tickets/108430330" "PUT /api/v1/tickets/108430330"
'

test_expect_success 'a GET that times out is retried' '
	sandbox_clear_requests &&
	sandbox_fail "{\"path\":\"/api/v1/me\",\"delay_ms\":2500,\"status\":200,\"body\":\"{}\"}" &&
	SYNCRO_CONFIG=$PWD/short-timeout.yaml syncro api /me >out 2>err &&
	test_cmp expect.me out &&
	test ! -s err &&
	wait_for_requests 2 &&
	expect_requests "GET /api/v1/me" "GET /api/v1/me"
'

test_expect_success 'a POST that times out is not repeated: exit 7' '
	sandbox_clear_requests &&
	sandbox_fail "{\"path\":\"/api/v1/tickets/*/comment\",\"delay_ms\":2500,\"status\":500,\"body\":\"{}\"}" &&
	test_expect_code 7 env SYNCRO_CONFIG=$PWD/short-timeout.yaml \
		syncro api -X POST /tickets/108430330/comment -f subject=s -f body=b >out 2>err &&
	sed "s/in time: .*/in time: .../" err >actual &&
	cat >expect <<-\EOF &&
	syncro: no answer from the Syncro API to '\''POST /tickets/108430330/comment'\'' in time: ...
	hint: try again; if it keeps happening, raise '\''timeout'\'' in config.yaml
	EOF
	test_cmp expect actual &&
	wait_for_requests 1 &&
	sleep 1 &&
	expect_requests "POST /api/v1/tickets/108430330/comment"
'

test_expect_success 'a connection closed without an answer: GET retried' '
	sandbox_clear_requests &&
	sandbox_fail "{\"path\":\"/api/v1/me\",\"close\":true}" &&
	syncro api /me >out 2>err &&
	test_cmp expect.me out &&
	expect_requests "GET /api/v1/me" "GET /api/v1/me"
'

test_expect_success 'a connection closed without an answer: POST not repeated, exit 7' '
	sandbox_clear_requests &&
	sandbox_fail "{\"path\":\"/api/v1/tickets/*/comment\",\"close\":true}" &&
	test_expect_code 7 syncro api -X POST /tickets/108430330/comment -f subject=s -f body=b >out 2>err &&
	sed "s/during \(.*\): .*/during \1: .../" err >actual &&
	cat >expect <<-\EOF &&
	syncro: the Syncro API closed the connection during '\''POST /tickets/108430330/comment'\'': ...
	hint: try again; '\''syncro doctor'\'' checks the connection
	EOF
	test_cmp expect actual &&
	expect_requests "POST /api/v1/tickets/108430330/comment"
'

test_expect_success 'a POST on a kept-alive connection that dies is not sent again' '
	rm -f "$(cache_dir)/tickets.tsv" &&
	sandbox_clear_requests &&
	sandbox_fail "{\"path\":\"/api/v1/tickets/*/comment\",\"close\":true}" &&
	test_expect_code 7 syncro comment 32164 -m "fixed the sync client" >out 2>err &&
	sandbox_requests >requests &&
	head -n 2 requests >actual &&
	cat >expect <<-\EOF &&
	GET /api/v1/tickets?number=32164
	POST /api/v1/tickets/108430330/comment
	EOF
	test_cmp expect actual &&
	test "$(grep -c "^POST" requests)" = 1
'

test_done
