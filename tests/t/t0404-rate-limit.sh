#!/bin/sh
test_description='the rate limit shared by every syncro process'
. "$(dirname "$0")/../test-lib.sh"

# 120 a minute: a request every half second once the burst is spent.
start_sandbox --rate-limit 120

mkdir -p "$XDG_CONFIG_HOME/syncro" "$XDG_STATE_HOME/syncro"
cat >"$XDG_CONFIG_HOME/syncro/config.yaml" <<\EOF
rate_limit:
  per_minute: 120
  wait: 1
EOF
# The state of the sandbox's account (one per base URL).
STATE=$XDG_STATE_HOME/syncro/ratelimit-$(basename "$(cache_dir)")

test_expect_success 'the state file is created on the first request' '
	syncro api /me >/dev/null &&
	read tokens stamp paused <"$STATE" &&
	awk -v t="$tokens" "BEGIN { exit !(t >= 18.9 && t <= 19) }"
'

test_expect_success 'four processes in parallel: no 429, the rate within 10% of the limit' '
	# Empty the sandbox bucket until it refuses, then say in the shared
	# state that no token is left either, so both start from nothing.
	n=0 &&
	while test "$(sandbox_curl -o /dev/null -w "%{http_code}" \
		-H "Authorization: Bearer $TEST_API_KEY" "$SYNCRO_BASE_URL/me")" != 429; do
		n=$((n + 1)) && test $n -lt 300 || return 1
	done &&
	echo "0 $(date +%s.%N)" >"$STATE" &&
	sandbox_clear_requests &&
	start=$(date +%s.%N) &&
	for i in 1 2 3 4; do
		syncro api --paginate /tickets -f per_page=10 >out.$i 2>err.$i &
	done &&
	wait &&
	end=$(date +%s.%N) &&
	cat err.1 err.2 err.3 err.4 >err &&
	test ! -s err &&
	sandbox_requests_json | jq "[.requests[] | select(.status == 429)] | length" >actual &&
	echo 0 >expect && test_cmp expect actual &&
	count=$(sandbox_requests | wc -l) &&
	test "$count" -ge 16 &&
	awk -v n="$count" -v s="$start" -v e="$end" "BEGIN {
		rate = n / (e - s); printf \"%d requests in %.2f s: %.2f a second\\n\", n, e - s, rate
		exit !(rate >= 1.8 && rate <= 2.2) }"
'

test_expect_success 'a 429 that still comes holds back the other processes too' '
	sandbox_clear_requests &&
	sandbox_fail "{\"path\":\"/api/v1/me\",\"status\":429,\"body\":\"{}\",\"headers\":{\"Retry-After\":\"3\"}}" &&
	{ syncro api /me >out.a 2>err.a & } &&
	pid_a=$! &&
	test_wait_for "rate limited" err.a &&
	start=$(date +%s.%N) &&
	syncro api /tickets -f number=32164 >out.b 2>err.b &&
	end=$(date +%s.%N) &&
	wait $pid_a &&
	sed "s/waiting [0-9]* s/waiting N s/" err.b >actual &&
	echo "syncro: waiting N s for the rate limit of '\''${SANDBOX_URL#http://}'\'' (a syncro process was rate limited by it)" >expect &&
	test_cmp expect actual &&
	echo "syncro: rate limited by the API on GET /me; retrying in 3 s (1 of 3)" >expect &&
	test_cmp expect err.a &&
	awk -v s="$start" -v e="$end" "BEGIN { printf \"waited %.2f s\\n\", e - s; exit !(e - s >= 1.0) }" &&
	printf "%s\n" "GET /api/v1/me" "GET /api/v1/me" "GET /api/v1/tickets?number=32164" >expect &&
	sandbox_requests >requests &&
	sort requests >actual &&
	test_cmp expect actual
'

test_expect_success 'a 429 from one account does not hold back another' '
	now=$(date +%s) &&
	echo "-120 $now $((now + 60))" >"$STATE" &&
	other=$XDG_STATE_HOME/syncro/ratelimit-$(SYNCRO_BASE_URL=http://127.0.0.2:9/api/v1 syncro __cache-dir | xargs basename) &&
	test "$other" != "$STATE" &&
	start=$(date +%s.%N) &&
	test_expect_code 7 env SYNCRO_BASE_URL=http://127.0.0.2:9/api/v1 syncro api /me 2>err &&
	end=$(date +%s.%N) &&
	test_grep_not "waiting" err &&
	awk -v s="$start" -v e="$end" "BEGIN { exit !(e - s < 5) }" &&
	test -f "$other" &&
	rm "$STATE"
'

test_expect_success 'a state file that says -1e12 tokens waits at most the bound, saying so' '
	echo "-1e12 $(($(date +%s) + 5))" >"$STATE" &&
	{ syncro api /me >out 2>err & } &&
	pid=$! &&
	test_wait_for "waiting" err &&
	kill $pid && { wait $pid || :; } &&
	rm "$STATE" &&
	# clamped to 660 s of queue, plus its own place in it
	sed -i "s/waiting 66[01] s/waiting 660 s/" err &&
	echo "syncro: waiting 660 s for the rate limit of '\''${SANDBOX_URL#http://}'\'' (shared by every syncro process of this account)" >expect &&
	test_cmp expect err
'

test_expect_success 'Retry-After: 600x is not read as 600: rate_limit.wait applies' '
	sandbox_clear_requests &&
	sandbox_fail "{\"path\":\"/api/v1/me\",\"status\":429,\"body\":\"{}\",\"headers\":{\"Retry-After\":\"600x\"}}" &&
	syncro api /me >out 2>err &&
	echo "syncro: rate limited by the API on GET /me; retrying in 1 s (1 of 3)" >expect &&
	test_cmp expect err
'

test_expect_success 'waits past rate_limit.max_wait in all are not made: exit 6' '
	cp "$XDG_CONFIG_HOME/syncro/config.yaml" saved.yaml &&
	echo "  max_wait: 3" >>"$XDG_CONFIG_HOME/syncro/config.yaml" &&
	sandbox_clear_requests &&
	sandbox_fail "{\"path\":\"/api/v1/me\",\"status\":429,\"count\":3,\"body\":\"{}\",\"headers\":{\"Retry-After\":\"2\"}}" &&
	test_expect_code 6 syncro api /me >out 2>err &&
	mv saved.yaml "$XDG_CONFIG_HOME/syncro/config.yaml" &&
	cat >expect <<-\EOF &&
	syncro: rate limited by the API on GET /me; retrying in 2 s (1 of 3)
	syncro: rate limited by the Syncro API on '\''GET /me'\'', which asks to wait 2 s
	EOF
	head -n 2 err >actual &&
	test_cmp expect actual &&
	test "$(sandbox_requests | wc -l)" = 2
'

test_done
