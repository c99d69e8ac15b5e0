#!/bin/sh
test_description='comment --time interrupted, then run again: neither the comment nor the time is posted twice'
. "$(dirname "$0")/../test-lib.sh"

start_sandbox
# The time is recorded as a timer here (the default, line-item, is a ticket line).
mkdir -p "$XDG_CONFIG_HOME/syncro" &&
printf "billing:\n  method: timer\n" >"$XDG_CONFIG_HOME/syncro/config.yaml"
JOURNAL=$XDG_STATE_HOME/syncro/journal/comment-32164.json
SHOWN='~/.local/state/syncro/journal/comment-32164.json'

# comment_in_background: the comment with time, its pid in run.pid.
comment_in_background () {
	syncro comment 32164 -m "Replaced toner" --time 30 --labor onsite >first.out 2>first.err &
	echo $! >run.pid
}

# kill_when PATTERN: kill -9 the background run once its journal matches.
kill_when () {
	pid=$(cat run.pid) &&
	test_wait_for "$1" "$JOURNAL" &&
	kill -9 "$pid" &&
	{ wait "$pid" || :; }
}

facts () {
	sandbox_get tickets/108430330 | jq -r '.ticket |
		"comments \([.comments[] | select(.body == "Replaced toner")] | length)",
		"timers \([.ticket_timers[] | select(.product_id == 26118)] | length)"'
}

test_expect_success 'killed while recording the time: the re-run refuses it; killed before it: records only the time' '
	sandbox_fail "{\"method\":\"POST\",\"path\":\"/api/v1/tickets/*/timer_entry\",\"delay_ms\":3000,\"status\":500,\"body\":\"{}\"}" &&
	comment_in_background &&
	kill_when "\"time\"" &&
	sleep 3 &&
	test_expect_code 1 syncro comment 32164 -m "Replaced toner" --time 30 --labor onsite 2>err &&
	grep "^syncro: an earlier run was stopped while recording this time" err &&
	jq "del(.steps.time)" "$JOURNAL" >j && mv j "$JOURNAL" &&
	sandbox_clear_requests &&
	syncro comment 32164 -m "Replaced toner" --time 30 --labor onsite >out 2>err &&
	grep "^comment [0-9]* was posted by an earlier run; recording only the time\$" err &&
	grep "as timer" out &&
	sandbox_requests >requests &&
	test_grep_not "^POST .*/comment\$" requests &&
	facts >actual &&
	printf "comments 1\ntimers 1\n" >expect &&
	test_cmp expect actual &&
	test ! -f "$JOURNAL"
'

test_expect_success 'killed while the comment was being posted: the re-run refuses to post it again' '
	sandbox_reset &&
	sandbox_fail "{\"method\":\"POST\",\"path\":\"/api/v1/tickets/*/comment\",\"delay_ms\":4000}" &&
	comment_in_background &&
	kill_when "started" &&
	sleep 4 &&
	sandbox_clear_requests &&
	test_expect_code 1 syncro comment 32164 -m "Replaced toner" --time 30 --labor onsite >out 2>err &&
	cat >expect <<-EOF &&
	syncro: an earlier run was stopped while posting this comment: Syncro may hold it already, so it is not posted again
	hint: look at it with '"'"'syncro ticket 32164'"'"'; its journal is '"'"'$SHOWN'"'"'
	hint: once the ticket holds what it should, forget the journal with: syncro comment --abandon 32164
	EOF
	test_cmp expect err &&
	sandbox_requests >requests &&
	test_grep_not "^P" requests &&
	facts >actual &&
	printf "comments 1\ntimers 0\n" >expect &&
	test_cmp expect actual
'

test_expect_success 'a re-run with another text or time is refused, saying which' '
	test_expect_code 1 syncro comment 32164 -m "Other text" --time 45 --labor onsite 2>err &&
	grep "^syncro: an unfinished .comment --time. of #32164 had another text or time:\$" err &&
	grep "^  minutes: 30 then, 45 now\$" err &&
	grep "^  text: " err &&
	test -f "$JOURNAL"
'

test_expect_success 'comment --abandon forgets the journal, saying what Syncro keeps; then a new run posts again' '
	sandbox_clear_requests &&
	syncro comment --abandon 32164 >out 2>err &&
	! test -s out &&
	echo "forgot the unfinished '"'comment --time'"' of #32164; Syncro keeps what it did: the comment, perhaps (a run was stopped while posting it)" >expect &&
	test_cmp expect err &&
	test ! -f "$JOURNAL" &&
	sandbox_requests >requests &&
	! test -s requests &&
	syncro comment --abandon 32164 2>err &&
	echo "no unfinished '"'comment --time'"' of #32164 to forget" >expect &&
	test_cmp expect err
'

test_expect_success 'comment --abandon goes with no text, time or dry run' '
	test_expect_code 2 syncro comment --abandon 32164 -m x 2>err &&
	grep "^syncro: .--abandon. and .--message. cannot go together" err &&
	test_expect_code 2 syncro comment --abandon 32164 --time 5 2>err &&
	grep "^syncro: .--abandon. and .--time. cannot go together" err
'

test_done
