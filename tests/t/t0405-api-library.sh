#!/bin/sh
test_description='common/api: ticket numbers to ids with the cache, pagination, dry runs'
. "$(dirname "$0")/../test-lib.sh"

start_sandbox --page-size 5

probe () {
	"$abs_top_builddir/tests/helpers/api-probe" "$@"
}

expect_no_requests () {
	sandbox_requests >actual.requests &&
	test ! -s actual.requests
}

test_expect_success 'a number is resolved with GET /tickets?number= and cached' '
	sandbox_clear_requests &&
	probe resolve 32164 >out &&
	echo 108430330 >expect && test_cmp expect out &&
	expect_requests "GET /api/v1/tickets?number=32164" &&
	cut -f 1,2 "$(cache_dir)/tickets.tsv" >actual &&
	printf "32164\t108430330\n" >expect && test_cmp expect actual
'

test_expect_success 'a cached number needs no request; #N is the same number' '
	sandbox_clear_requests &&
	probe resolve "#32164" >out &&
	echo 108430330 >expect && test_cmp expect out &&
	expect_no_requests
'

test_expect_success 'a ticket request goes to the id, never the number' '
	sandbox_clear_requests &&
	probe ticket 32164 >out &&
	echo "108430330 Own cloud thing again" >expect && test_cmp expect out &&
	expect_requests "GET /api/v1/tickets/108430330"
'

test_expect_success 'a stale cached id that 404s is forgotten and resolved again' '
	probe cache-store "[{\"number\":32163,\"id\":999}]" &&
	sandbox_clear_requests &&
	probe ticket 32163 >out &&
	echo "108430301 Remote - Jim cant access his email" >expect && test_cmp expect out &&
	expect_requests "GET /api/v1/tickets/999" "GET /api/v1/tickets?number=32163" \
		"GET /api/v1/tickets/108430301" &&
	grep "^32163	" "$(cache_dir)/tickets.tsv" | cut -f 2 >actual &&
	echo 108430301 >expect && test_cmp expect actual
'

test_expect_success 'an unknown number is exit 4: ticket #N not found' '
	sandbox_clear_requests &&
	test_expect_code 4 probe resolve 99999 >out 2>err &&
	echo "api-probe: ticket #99999 not found" >expect && test_cmp expect err &&
	expect_requests "GET /api/v1/tickets?number=99999" &&
	probe gently 99999 >out &&
	echo "4: ticket #99999 not found" >expect && test_cmp expect out
'

test_expect_success 'a stale id for a number that is gone: ticket #N not found' '
	probe cache-store "[{\"number\":99998,\"id\":5}]" &&
	sandbox_clear_requests &&
	test_expect_code 4 probe ticket 99998 >out 2>err &&
	echo "api-probe: ticket #99998 not found" >expect && test_cmp expect err &&
	expect_requests "GET /api/v1/tickets/5" "GET /api/v1/tickets?number=99998"
'

test_expect_success 'another error while resolving is reported as it is' '
	sandbox_clear_requests &&
	sandbox_fail "{\"path\":\"/api/v1/tickets\",\"status\":401,\"body\":\"{\\\"error\\\":\\\"Not authorized\\\"}\"}" &&
	test_expect_code 3 probe resolve 32161 >out 2>err &&
	head -n 1 err >actual &&
	echo "api-probe: the Syncro API refused '\''GET /tickets'\'' (401): Not authorized" >expect &&
	test_cmp expect actual
'

test_expect_success 'pagination follows meta.total_pages, one callback a page' '
	sandbox_clear_requests &&
	probe paginate /tickets tickets 0 >out &&
	total=$(sandbox_get "tickets?per_page=100" | jq ".tickets | length") &&
	pages=$(( (total + 4) / 5 )) &&
	test "$(grep -c "^5:" out)" = $((total / 5)) &&
	test "$(grep -c ":" out)" = "$pages" &&
	tail -n 1 out >actual && echo "returned 0" >expect && test_cmp expect actual &&
	head -n 1 out >actual &&
	sandbox_get "tickets?page=1" | jq -r "\"5: \" + ([.tickets[].number | tostring] | join(\" \"))" >expect &&
	test_cmp expect actual &&
	for p in $(seq 1 $pages); do
		echo "GET /api/v1/tickets?page=$p" || return 1
	done >expect.requests &&
	sandbox_requests >actual.requests &&
	test_cmp expect.requests actual.requests
'

test_expect_success 'per_page is sent when asked for' '
	sandbox_clear_requests &&
	probe paginate /tickets tickets 100 >out &&
	test "$(wc -l <out)" = 2 &&
	expect_requests "GET /api/v1/tickets?page=1&per_page=100"
'

test_expect_success 'the callback can stop early; its value is returned' '
	sandbox_clear_requests &&
	probe paginate /tickets tickets 0 2 >out &&
	tail -n 1 out >actual && echo "returned 42" >expect && test_cmp expect actual &&
	expect_requests "GET /api/v1/tickets?page=1" "GET /api/v1/tickets?page=2"
'

test_expect_success 'an empty page ends the list' '
	sandbox_clear_requests &&
	sandbox_fail "{\"path\":\"/api/v1/tickets\",\"status\":200,\"body\":\"{\\\"tickets\\\":[],\\\"meta\\\":{\\\"total_pages\\\":9,\\\"page\\\":1}}\"}" &&
	probe paginate /tickets tickets 0 >out &&
	echo "returned 0" >expect && test_cmp expect out &&
	expect_requests "GET /api/v1/tickets?page=1"
'

test_expect_success 'without meta, a page that repeats the last one ends the list' '
	sandbox_clear_requests &&
	sandbox_fail "{\"path\":\"/api/v1/products\",\"status\":200,\"count\":2,
		\"body\":\"{\\\"products\\\":[{\\\"id\\\":7},{\\\"id\\\":8}]}\"}" &&
	probe paginate /products "" 0 >out &&
	printf "2: 7 8\nreturned 0\n" >expect && test_cmp expect out &&
	expect_requests "GET /api/v1/products?page=1" "GET /api/v1/products?page=2"
'

test_expect_success 'a failed page dies with the error of that page' '
	sandbox_clear_requests &&
	sandbox_fail "{\"path\":\"/api/v1/tickets\",\"status\":500,\"count\":3,\"body\":\"{}\"}" &&
	test_expect_code 7 probe paginate /tickets tickets 0 >out 2>err &&
	test ! -s out
'

test_expect_success 'a body past the cap is refused with exit 7' '
	sandbox_get me >raw &&
	size=$(wc -c <raw) &&
	jq . raw >expect &&
	probe get /me $size >out &&
	test_cmp expect out &&
	test_expect_code 7 probe get /me $((size - 10)) >out 2>err &&
	test ! -s out &&
	cat >expect <<-EOF &&
	api-probe: the answer to '\''GET /me'\'' is too large: the response is larger than $((size - 10)) bytes
	hint: ask for less, e.g. one page at a time
	EOF
	test_cmp expect err
'

test_expect_success 'a dry run prints method, URL and body, sends nothing, shows no key' '
	mkdir -p "$XDG_CONFIG_HOME/syncro" &&
	echo "auth: query" >"$XDG_CONFIG_HOME/syncro/config.yaml" &&
	sandbox_clear_requests &&
	probe dry-run POST /tickets/108430330/comment "{\"subject\":\"s\",\"hidden\":true}" >out &&
	rm "$XDG_CONFIG_HOME/syncro/config.yaml" &&
	cat >expect <<-EOF &&
	POST $SYNCRO_BASE_URL/tickets/108430330/comment
	{
	  "subject": "s",
	  "hidden": true
	}
	EOF
	test_cmp expect out &&
	expect_no_requests
'

test_done
