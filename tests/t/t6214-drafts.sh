#!/bin/sh
test_description='syncro drafts: list, show, send and drop what was kept'
. "$(dirname "$0")/../test-lib.sh"

: "${TEST_API_KEY:=test-key-6214}"
start_sandbox
DRAFTS=$XDG_STATE_HOME/syncro/drafts
SYNCRO_TEST_NOW=1779999999
export SYNCRO_TEST_NOW

test_expect_success 'no drafts: said on stderr' '
	syncro drafts >out 2>err &&
	test ! -s out &&
	echo "no drafts in '"'"'$DRAFTS'"'"'" >expect &&
	test_cmp expect err
'

test_expect_success 'a failed comment and an editor leftover are listed' '
	sandbox_fail "{\"method\":\"POST\",\"path\":\"/api/v1/tickets/*/comment\",\"status\":500}" &&
	test_expect_code 7 syncro comment 32164 -m "Kept for later" 2>err &&
	sandbox_reset &&
	printf "half typed\n" >"$DRAFTS/edit-abc123.txt" &&
	syncro drafts >actual &&
	cat >expect <<-\EOF &&
	1  #32164  Kept for later  (32164-20260528-202639.txt)
	2  editor  half typed  (edit-abc123.txt)
	EOF
	test_cmp expect actual &&
	syncro drafts show 1 >actual &&
	echo "Kept for later" >expect &&
	test_cmp expect actual
'

test_expect_success 'send posts a comment draft to its ticket and removes it' '
	sandbox_clear_requests &&
	syncro drafts send 1 >out &&
	sandbox_requests >requests &&
	grep -x "POST /api/v1/tickets/108430330/comment" requests &&
	test ! -e "$DRAFTS/32164-20260528-202639.txt" &&
	syncro drafts >actual &&
	echo "1  editor  half typed  (edit-abc123.txt)" >expect &&
	test_cmp expect actual
'

test_expect_success 'an editor file has no ticket: send says how, drop removes it' '
	test_expect_code 2 syncro drafts send 1 2>err &&
	grep "is for no ticket yet (editor); send it with '"'"'syncro comment N -F $DRAFTS/edit-abc123.txt'"'"'" err &&
	syncro drafts drop 1 >out &&
	echo "dropped edit-abc123.txt" >expect &&
	test_cmp expect out &&
	test ! -e "$DRAFTS/edit-abc123.txt"
'

test_expect_success 'a number out of range is a usage error' '
	test_expect_code 2 syncro drafts show 3 2>err &&
	grep "no draft 3" err
'

test_done
