#!/bin/sh
test_description='hints that say what happened: nothing sent, too large, doctor not sending to itself'
. "$(dirname "$0")/../test-lib.sh"

: "${TEST_API_KEY:=test-key-6208}"
start_sandbox
DRAFTS=$XDG_STATE_HOME/syncro/drafts

test_expect_success 'a refused connection: nothing can have reached Syncro' '
	test_expect_code 7 env SYNCRO_BASE_URL=http://127.0.0.1:1/api/v1 \
		syncro comment 32164 -m "Nothing sent" 2>err &&
	grep "^syncro: cannot reach the Syncro API" err &&
	test_grep_not "may have reached" err &&
	grep "^hint: your text is saved in" err &&
	rm -f "$DRAFTS"/*
'

test_expect_success 'a dropped connection still says the comment may be there' '
	sandbox_reset &&
	sandbox_fail "{\"method\":\"POST\",\"path\":\"/api/v1/tickets/*/comment\",\"close\":true}" &&
	test_expect_code 7 syncro comment 32164 -m "Lost line" 2>err &&
	grep "^hint: the comment may have reached Syncro" err &&
	rm -f "$DRAFTS"/*
'

test_expect_success 'a 413: shorten the draft before sending it again' '
	sandbox_reset &&
	sandbox_fail "{\"method\":\"POST\",\"path\":\"/api/v1/tickets/*/comment\",\"status\":413,\"body\":\"{\\\"error\\\":\\\"too large\\\"}\"}" &&
	test_expect_code 5 syncro comment 32164 -m "A very long text" 2>err &&
	grep "^syncro: the Syncro API refused '"'"'POST /tickets/[0-9]*/comment'"'"' as too large (413)" err &&
	grep "^hint: shorten the text" err &&
	grep "^hint: shorten it, then send it with: syncro comment 32164 -F " err &&
	test_grep_not "send it again with" err &&
	rm -f "$DRAFTS"/*
'

test_expect_success 'doctor does not send the user to doctor' '
	sandbox_reset &&
	test_expect_code 3 env SYNCRO_API_KEY=bad-key-6208 syncro doctor >out 2>err &&
	grep "^hint: the API key may be wrong" err &&
	test_grep_not "syncro doctor'"'"'" err &&
	test_expect_code 7 env SYNCRO_BASE_URL=http://127.0.0.1:1/api/v1 syncro doctor >out 2>err &&
	echo "hint: check the network and the base URL" >expect &&
	grep "^hint:" err >actual &&
	test_cmp expect actual
'

test_expect_success 'other verbs still point at doctor' '
	test_expect_code 3 env SYNCRO_API_KEY=bad-key-6208 syncro list 2>err &&
	grep "check it with '"'"'syncro doctor'"'"'" err
'

test_done
