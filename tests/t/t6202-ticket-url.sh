#!/bin/sh
test_description='a ticket web URL is taken wherever a ticket number is'
. "$(dirname "$0")/../test-lib.sh"

: "${TEST_API_KEY:=test-key-6202}"
start_sandbox

test_expect_success 'setup: the internal id of #32164' '
	syncro ticket --json 32164 >t.json &&
	ID=$(jq -r .id t.json) &&
	test -n "$ID" &&
	echo "$ID" >id &&
	syncro ticket 32164 >expect
'

test_expect_success 'ticket https://SUB.syncromsp.com/tickets/ID shows #32164' '
	ID=$(cat id) &&
	rm -rf "$XDG_CACHE_HOME" &&
	sandbox_clear_requests &&
	syncro ticket "https://acme.syncromsp.com/tickets/$ID" >actual &&
	test_cmp expect actual &&
	sandbox_requests >requests &&
	grep -x "GET /api/v1/tickets/$ID" requests
'

test_expect_success 'the URL ticket --web prints, with a trailing slash or query' '
	ID=$(cat id) &&
	syncro ticket "$SANDBOX_URL/tickets/$ID/" >actual &&
	test_cmp expect actual &&
	syncro ticket "$SANDBOX_URL/tickets/$ID?tab=comments" >actual &&
	test_cmp expect actual
'

test_expect_success 'update takes the URL too' '
	ID=$(cat id) &&
	syncro update "https://acme.syncromsp.com/tickets/$ID" --status "Waiting on Customer" >actual 2>&1 &&
	grep "^#32164 .*-> Waiting on Customer" actual
'

test_expect_success 'a URL of no ticket: not found, exit 4' '
	test_expect_code 4 syncro ticket "https://acme.syncromsp.com/tickets/999999999" 2>err &&
	grep "not found" err
'

test_expect_success 'other URLs are not ticket numbers' '
	test_expect_code 2 syncro ticket "https://acme.syncromsp.com/customers/5" 2>err &&
	grep "is not a ticket number" err
'

test_done
