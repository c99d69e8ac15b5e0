#!/bin/sh
test_description='two journaled runs on one ticket: the second waits, then refuses naming the first'
. "$(dirname "$0")/../test-lib.sh"

start_sandbox
NOTES='Fixed the ownCloud sync client.'
LOCK=$XDG_STATE_HOME/syncro/journal/32164.lock

# A bill of #32164 in the background; its pid in first.pid.
bill_in_background () {
	syncro bill 32164 --minutes 60 --labor remote -m "$NOTES" --yes >first.out 2>first.err &
	echo $! >first.pid
}

test_expect_success 'a bill while another bills the ticket is refused; Syncro sees one bill' '
	sandbox_fail "{\"method\":\"POST\",\"path\":\"/api/v1/tickets/108430330/comment\",\"delay_ms\":6000}" &&
	bill_in_background &&
	first=$(cat first.pid) &&
	test_wait_for " bill\$" "$LOCK" &&
	echo "$first bill" >expect &&
	test_cmp expect "$LOCK" &&
	test_expect_code 1 syncro bill 32164 --minutes 60 --labor remote -m "$NOTES" --yes \
		>second.out 2>second.err &&
	wait $first &&
	cat >expect <<-EOF &&
	syncro: another syncro is working on ticket #32164 (pid $first, syncro bill)
	hint: wait for it to end and run this again; the lock is '\''~/.local/state/syncro/journal/32164.lock'\''
	syncro: cannot bill #32164 now
	EOF
	cp second.err actual &&
	test_cmp expect actual &&
	test ! -s second.out &&
	grep "^invoice .* for #32164" first.out &&
	sandbox_requests >requests &&
	grep -c "^POST" requests >posts &&
	grep "^POST /api/v1/tickets/108430330/comment\$" requests >comments &&
	test $(wc -l <comments) = 1 &&
	grep "^POST /api/v1/invoices\$" requests >invoices &&
	test $(wc -l <invoices) = 1
'

test_expect_success 'the lock ends with its run, even a killed one' '
	sandbox_reset &&
	sandbox_fail "{\"method\":\"GET\",\"path\":\"/api/v1/tickets/108430330\",\"delay_ms\":5000}" &&
	bill_in_background &&
	first=$(cat first.pid) &&
	test_wait_for "^$first bill\$" "$LOCK" &&
	kill -9 $first &&
	{ wait $first || :; } &&
	syncro bill 32164 --abandon 2>err &&
	echo "no unfinished bill of #32164 to forget" >expect &&
	test_cmp expect err
'

test_expect_success 'comment --time while a bill of the ticket runs is refused, nothing sent' '
	sandbox_reset &&
	sandbox_fail "{\"method\":\"POST\",\"path\":\"/api/v1/tickets/108430330/comment\",\"delay_ms\":6000}" &&
	bill_in_background &&
	first=$(cat first.pid) &&
	test_wait_for "^$first bill\$" "$LOCK" &&
	test_expect_code 1 syncro comment 32164 -m "Replaced toner" --time 30 --labor onsite --yes \
		>second.out 2>second.err &&
	wait $first &&
	requests_with_bodies >requests &&
	cat >expect <<-EOF &&
	syncro: another syncro is working on ticket #32164 (pid $first, syncro bill)
	hint: wait for it to end and run this again; the lock is '\''~/.local/state/syncro/journal/32164.lock'\''
	EOF
	test_cmp expect second.err &&
	test ! -s second.out &&
	grep -c "^\[\"POST\"" requests &&
	test_grep_not "Replaced toner" requests &&
	test ! -f "$XDG_STATE_HOME/syncro/journal/comment-32164.json"
'

test_done
