#!/bin/sh
test_description='Ctrl-C while something is half done says where it is and what to run'
. "$(dirname "$0")/../test-lib.sh"

: "${TEST_API_KEY:=test-key-6212}"
start_sandbox
DRAFTS=$XDG_STATE_HOME/syncro/drafts

# comment_interrupted: 'syncro comment 32164' stopped by SIGTERM (a
# background job ignores SIGINT) while the sandbox holds its POST (its
# draft is saved by then); stderr in err.
comment_interrupted () {
	syncro comment 32164 -m "Typed with care" >out 2>err &
	pid=$!
	n=0
	while test -z "$(ls "$DRAFTS" 2>/dev/null)" && test $n -lt 200; do
		sleep 0.05
		n=$((n + 1))
	done
	sleep 0.3
	kill -TERM $pid
	wait $pid
	test $? -gt 128
}

test_expect_success 'interrupted during the comment request: the draft is named' '
	sandbox_fail "{\"method\":\"POST\",\"path\":\"/api/v1/tickets/*/comment\",\"delay_ms\":5000}" &&
	comment_interrupted &&
	draft=$(ls "$DRAFTS"/*) &&
	echo "syncro: interrupted; your text is saved in '"'"'$draft'"'"'" >expect &&
	grep -v "^$" err >actual &&
	test_cmp expect actual &&
	echo "Typed with care" >expect &&
	test_cmp expect "$draft" &&
	sandbox_reset
'

# close_interrupted: 'syncro close 32164 -m Done' in the foreground of a
# terminal, sent SIGINT (Ctrl-C) while it asks about the session log.
close_interrupted () {
	(sleep 3; kill -INT "$(cat close.pid)") &
	sleep 4 | script -qec "echo \$\$ >close.pid; exec syncro close 32164 -m Done" /dev/null >out
	tr -d "\r" <out >actual
}

test_expect_success 'Ctrl-C at close'"'"'s session log question names --log' '
	sandbox_reset &&
	close_interrupted &&
	grep "Write a session log?" actual &&
	grep "syncro: interrupted; the ticket is closed; '"'"'syncro close 32164 --log'"'"' writes its session log" actual
'

# bill_interrupted: 'syncro bill 32161' stopped by SIGTERM while the
# sandbox holds its first write; stderr in err.
bill_interrupted () {
	syncro bill 32161 --yes --minutes 30 --labor remote -m "Reset the printer" >out 2>err &
	pid=$!
	sleep 1.5
	kill -TERM $pid
	wait $pid
	test $? -gt 128
}

test_expect_success 'interrupted bill: says a run again resumes it' '
	sandbox_reset &&
	sandbox_fail "{\"method\":\"POST\",\"path\":\"/api/v1/tickets/*/comment\",\"delay_ms\":5000}" &&
	bill_interrupted &&
	grep "^syncro: interrupted; run '"'"'syncro bill 32161'"'"' again: it resumes where this one stopped" err &&
	sandbox_reset
'

test_done
