#!/bin/sh
test_description='syncro reopen N: a done ticket back to work, one PUT'
. "$(dirname "$0")/../test-lib.sh"

: "${TEST_API_KEY:=test-key-6204}"
start_sandbox

test_expect_success 'a resolved ticket goes back to In Progress' '
	sandbox_clear_requests &&
	syncro reopen 32155 >actual &&
	echo "#32155  Resolved -> In Progress" >expect &&
	test_cmp expect actual &&
	sandbox_requests >requests &&
	grep -c "^PUT " requests >count &&
	echo 1 >expect &&
	test_cmp expect count &&
	sandbox_requests_json | jq -c ".requests[] | select(.method == \"PUT\") | .body" >body &&
	echo "{\"status\":\"In Progress\"}" >expect &&
	test_cmp expect body &&
	syncro ticket 32155 | grep "^status  *In Progress"
'

test_expect_success '--status chooses, checked with did you mean' '
	syncro reopen --status "waiting on customer" 32153 >actual &&
	echo "#32153  Resolved -> Waiting on Customer" >expect &&
	test_cmp expect actual &&
	sandbox_clear_requests &&
	test_expect_code 2 syncro reopen --status "In Progres" 32150 2>err &&
	grep "did you mean '"'"'In Progress'"'"'" err &&
	test_expect_code 2 syncro reopen --status Resolved 32150 2>err &&
	grep "is a done status" err &&
	sandbox_requests >requests &&
	test_grep_not "^PUT " requests
'

test_expect_success 'a ticket that is not done is left alone' '
	sandbox_clear_requests &&
	syncro reopen 32155 >out 2>err &&
	test ! -s out &&
	echo "#32155 is not done (In Progress); nothing to reopen" >expect &&
	test_cmp expect err &&
	sandbox_requests >requests &&
	test_grep_not "^PUT " requests
'

test_expect_success 'no such ticket: exit 4' '
	test_expect_code 4 syncro reopen 99999 2>err &&
	grep "ticket #99999 not found" err
'

test_done
