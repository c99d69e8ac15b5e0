#!/bin/sh
test_description='a damaged journal is refused before anything is sent, saying how to look at it and how to forget it'
. "$(dirname "$0")/../test-lib.sh"

start_sandbox
JOURNAL=$XDG_STATE_HOME/syncro/journal/bill-32164.json
SHOWN='~/.local/state/syncro/journal/bill-32164.json'

# An unfinished bill: a step after the comment and timer failed.
unfinished_bill () {
	sandbox_reset &&
	rm -rf "$XDG_STATE_HOME/syncro/journal" &&
	sandbox_fail '{"method":"POST","path":"/api/v1/invoices","status":500,"body":"{}"}' &&
	{ syncro bill 32164 --minutes 60 --labor remote -m "Fixed it." --yes >/dev/null 2>&1
	  test $? != 0; } &&
	test -f "$JOURNAL"
}

for edit in '.steps = []' '.steps = {}' '.steps.labor.state = "posted"' \
	'.steps.comment.id = 1e300' '.steps.bogus = {}' '.started_at = 5'
do
	test_expect_success "a journal with $edit is refused; --abandon forgets it" '
		unfinished_bill &&
		jq "$edit" "$JOURNAL" >edited && mv edited "$JOURNAL" &&
		sandbox_clear_requests &&
		test_expect_code 1 syncro bill 32164 </dev/null >out 2>err &&
		sed -n 1p err | grep "^syncro: journal '"'$SHOWN'"' is damaged: " &&
		sed 1d err >actual &&
		cat >expect <<-EOF &&
		hint: look at it with: jq . $SHOWN
		hint: forget it with: syncro bill --abandon 32164
		syncro: cannot bill #32164 now
		EOF
		test_cmp expect actual &&
		sandbox_requests >requests &&
		test_grep_not "^P" requests &&
		syncro bill --abandon 32164 2>err &&
		grep "^forgot the" err &&
		test ! -f "$JOURNAL"
	'
done

test_expect_success '--abandon forgets a journal it cannot read, with a warning' '
	unfinished_bill &&
	echo "{\"version\":1," >"$JOURNAL" &&
	syncro bill --abandon 32164 2>err &&
	cat >expect <<-EOF &&
	syncro: warning: journal '"'$SHOWN'"' is not a JSON object
	forgot the damaged journal of #32164; '"'syncro ticket 32164'"' shows what Syncro holds
	EOF
	test_cmp expect err &&
	test ! -f "$JOURNAL"
'

COMMENT_JOURNAL=$XDG_STATE_HOME/syncro/journal/comment-32164.json
COMMENT_SHOWN='~/.local/state/syncro/journal/comment-32164.json'

test_expect_success 'a damaged comment journal is refused with a hint that works: comment --abandon' '
	sandbox_reset &&
	mkdir -p "${COMMENT_JOURNAL%/*}" &&
	echo "{\"version\":1,\"verb\":\"comment\",\"ticket\":32164,\"steps\":[]}" >"$COMMENT_JOURNAL" &&
	sandbox_clear_requests &&
	test_expect_code 1 syncro comment 32164 -m "Replaced toner" --time 30 --labor onsite \
		</dev/null >out 2>err &&
	sed -n 1p err | grep "^syncro: journal '"'$COMMENT_SHOWN'"' is damaged: " &&
	sed 1d err >actual &&
	cat >expect <<-EOF &&
	hint: look at it with: jq . $COMMENT_SHOWN
	hint: forget it with: syncro comment --abandon 32164
	EOF
	test_cmp expect actual &&
	sandbox_requests >requests &&
	test_grep_not "^P" requests &&
	syncro comment --abandon 32164 2>err &&
	cat >expect <<-EOF &&
	syncro: warning: journal '"'$COMMENT_SHOWN'"' is damaged: '"'started_at'"' is not a time
	forgot the damaged journal of #32164; '"'syncro ticket 32164'"' shows what Syncro holds
	EOF
	test_cmp expect err &&
	test ! -f "$COMMENT_JOURNAL" &&
	syncro comment 32164 -m "Replaced toner" --time 30 --labor onsite >out 2>err &&
	grep "comment [0-9]* posted" out
'

test_done
