#!/bin/sh
test_description='syncro list --priority: checked against the priorities the ticket settings list'
. "$(dirname "$0")/../test-lib.sh"

jq '.ticket_settings.priorities = ["", "0 Urgent", "1 High", "2 Normal", "3 Low"]' \
	"$abs_top_srcdir/sandbox/demo.json" >priorities.json &&
start_sandbox --data priorities.json
SYNCRO_TEST_NOW=1776852000
export SYNCRO_TEST_NOW

test_expect_success 'an unknown --priority is exit 2 before any ticket is asked for' '
	sandbox_clear_requests &&
	test_expect_code 2 syncro list --priority urgnt >out 2>err &&
	test ! -s out &&
	cat >expect <<-\EOF_ &&
	syncro: unknown priority '"'"'urgnt'"'"' for --priority; did you mean '"'"'0 Urgent'"'"'?
	valid priorities: 0 Urgent, 1 High, 2 Normal, 3 Low
	EOF_
	test_cmp expect err &&
	sandbox_requests >requests &&
	echo "GET /api/v1/tickets/settings" >expect &&
	test_cmp expect requests
'

test_expect_success 'a listed priority no ticket shown carries is no error' '
	syncro list --priority urgent >actual &&
	test ! -s actual &&
	syncro list --customer 34288075 --priority normal >actual &&
	test ! -s actual
'

test_expect_success 'a listed priority keeps its tickets' '
	syncro list --customer 34288075 --priority low >actual &&
	cat >expect <<-\EOF_ &&
	#32143  Waiting for Parts  3 Low  Mike Ritter  2026-03-31!  25d  Desert Sun Dental  Dental imaging PC blue screens
	EOF_
	test_cmp expect actual
'

test_done
