#!/bin/sh
test_description='a list answer that is no list (no array, an empty body, items that are not objects, too many) exits 7; --paginate prints each page as it comes'
. "$(dirname "$0")/../test-lib.sh"

start_sandbox

# answer PATH BODY [STATUS]: the next GETs of PATH (and their retries) get BODY.
answer () {
	printf "%s" "$2" >body.txt &&
	answer_file "$1" body.txt "${3:-200}"
}

# answer_file PATH FILE [STATUS]: the same with the body in FILE.
answer_file () {
	sandbox_curl --fail-with-body -X DELETE "$SANDBOX_URL/__sandbox/fail" >/dev/null &&
	jq -n --arg path "$1" --rawfile body "$2" --argjson status "${3:-200}" \
		"{method: \"GET\", path: \$path, status: \$status, body: \$body,
		  content_type: \"application/json\", count: 10}" >rule.json &&
	sandbox_curl --fail-with-body -X POST -H "Content-Type: application/json" \
		--data @rule.json "$SANDBOX_URL/__sandbox/fail" >/dev/null
}

for body in '{}' '{"tickets":null}' '{"tickets":{}}' ''
do
	test_expect_success "list, search, bill --resolved and api --paginate refuse '$body'" '
		why="no '"'"'tickets'"'"' array" &&
		if test -z "$body"; then why="an empty body"; fi &&
		answer /api/v1/tickets "$body" &&
		test_expect_code 7 syncro list >out 2>err &&
		test ! -s out &&
		cat >expect <<-EOF &&
		syncro: the Syncro API answered '"'"'GET /tickets'"'"' (page 1) with a malformed list: $why
		hint: try again later; '"'"'syncro api /tickets'"'"' shows the answer
		EOF
		test_cmp expect err &&
		test_expect_code 7 syncro search owncloud >out 2>err &&
		grep "^syncro[a-z ]*: .*malformed list: $why\$" err &&
		test_expect_code 7 syncro bill --resolved --yes >out 2>err &&
		grep "^syncro[a-z ]*: .*malformed list: $why\$" err &&
		test_expect_code 7 syncro api --paginate /tickets >out 2>err &&
		grep "^syncro[a-z ]*: .*malformed list: no array\$\|empty body\$" err
	'
done

test_expect_success 'a 204 to a list is no list either' '
	answer /api/v1/tickets "" 204 &&
	test_expect_code 7 syncro list 2>err &&
	grep "malformed list: an empty body\$" err
'

test_expect_success 'items that are not objects are refused, not printed as blank rows' '
	answer /api/v1/tickets "{\"tickets\":[0,0,0,0]}" &&
	test_expect_code 7 syncro list >out 2>err &&
	test ! -s out &&
	grep "malformed list: item 1 is not an object\$" err &&
	answer /api/v1/tickets "{\"tickets\":[{\"number\":1},\"x\"]}" &&
	test_expect_code 7 syncro api --paginate /tickets >out 2>err &&
	grep "malformed list: item 2 is not an object\$" err
'

test_expect_success 'more than 1000 items on a page are refused' '
	printf "{\"tickets\":[" >big &&
	for i in $(seq 1 1000); do printf "{}," || return 1; done >>big &&
	printf "{}]}" >>big &&
	answer /api/v1/tickets "$(cat big)" &&
	test_expect_code 7 syncro list >out 2>err &&
	grep "malformed list: more than 1000 items\$" err
'


test_expect_success 'the lookup of a ticket number and the invoices of a bill check theirs' '
	rm -rf "$XDG_CACHE_HOME" &&
	answer /api/v1/tickets "{\"tickets\":null}" &&
	test_expect_code 7 syncro ticket 32164 >out 2>err &&
	grep "^syncro[a-z ]*: the Syncro API answered .GET /tickets. with a malformed list: no .tickets. array\$" err &&
	answer /api/v1/invoices "{}" &&
	sandbox_clear_requests &&
	test_expect_code 7 syncro bill 32164 --minutes 60 --labor remote -m "Fixed it." --yes 2>err &&
	grep "answered .GET /invoices. (page 1) with a malformed list: no .invoices. array\$" err &&
	sandbox_requests >requests &&
	test_grep_not "^POST" requests &&
	syncro bill --abandon 32164 2>/dev/null
'

test_expect_success '--paginate prints each page as it comes: page 1 is out before page 2 fails' '
	sandbox_curl --fail-with-body -X DELETE "$SANDBOX_URL/__sandbox/fail" >/dev/null &&
	sandbox_fail "{\"method\":\"GET\",\"path\":\"/api/v1/tickets\",\"delay_ms\":1}" &&
	sandbox_fail "{\"method\":\"GET\",\"path\":\"/api/v1/tickets\",\"status\":500,\"count\":10}" &&
	test_expect_code 7 syncro api --paginate /tickets -f per_page=2 >out 2>err &&
	sandbox_curl --fail-with-body -X DELETE "$SANDBOX_URL/__sandbox/fail" >/dev/null &&
	sandbox_get "tickets?per_page=2" | jq -r ".tickets[].number" >expect &&
	test $(wc -l <expect) = 2 &&
	{ cat out && echo "]"; } | jq -r ".[].number" >actual &&
	test_cmp expect actual
'

test_expect_success 'pages that repeat though total_pages says there are more: a warning, paging stopped (api --paginate, list -a)' '
	sandbox_curl --fail-with-body -X DELETE "$SANDBOX_URL/__sandbox/fail" >/dev/null &&
	sandbox_get "tickets?per_page=1" | jq -c ".meta.total_pages = 1000000" >page.json &&
	answer_file /api/v1/tickets page.json &&
	sandbox_clear_requests &&
	syncro api --paginate /tickets >out 2>err &&
	jq -c "[.[].id]" out >actual &&
	jq -c "[.tickets[].id]" page.json >expect &&
	test_cmp expect actual &&
	echo "syncro: warning: page 2 of '"'"'/tickets'"'"' repeats page 1, though the Syncro API says there are 1000000 pages; paging stopped there, the list may be short" >expect &&
	test_cmp expect err &&
	expect_requests "GET /api/v1/tickets?page=1&per_page=100" "GET /api/v1/tickets?page=2&per_page=100" &&
	answer_file /api/v1/tickets page.json &&
	syncro list -a >out 2>err &&
	test $(wc -l <out) = 1 &&
	sed "s/^syncro list/syncro/" err >actual &&
	test_cmp expect actual
'

test_expect_success 'a page without meta that repeats the last ends the list without a word' '
	sandbox_get "tickets?per_page=1" | jq -c "del(.meta)" >page.json &&
	answer_file /api/v1/tickets page.json &&
	syncro api --paginate /tickets >out 2>err &&
	! test -s err
'

test_expect_success 'paging stops at the bound on pages, saying so (exit 7)' '
	sandbox_curl --fail-with-body -X DELETE "$SANDBOX_URL/__sandbox/fail" >/dev/null &&
	sandbox_clear_requests &&
	SYNCRO_TEST_MAX_PAGES=3 test_expect_code 7 syncro api --paginate /tickets -f per_page=1 >out 2>err &&
	echo "syncro: the Syncro API still sends pages of '"'"'/tickets'"'"' after 3; stopped there" >expect &&
	test_cmp expect err &&
	sandbox_requests >requests &&
	test $(wc -l <requests) = 3
'

test_done
