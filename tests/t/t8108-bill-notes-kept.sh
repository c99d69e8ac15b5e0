#!/bin/sh
test_description='bill keeps the work notes when no draft can be saved: they are printed, nothing is sent, no resume is promised'
. "$(dirname "$0")/../test-lib.sh"

start_sandbox

test_expect_success 'notes read from stdin are printed back when the draft cannot be saved' '
	mkdir -p "$XDG_STATE_HOME/syncro" &&
	: >"$XDG_STATE_HOME/syncro/drafts" &&
	printf "Replaced the fuser.\nTested two pages.\n" >notes &&
	sandbox_clear_requests &&
	test_expect_code 1 syncro bill 32164 --minutes 30 --labor remote -F - --yes <notes >out 2>err &&
	sed -n "/^syncro: not billing/,\$p" err >actual &&
	cat >expect <<-\EOF &&
	syncro: not billing #32164 without a draft of the work notes; your text follows
	Replaced the fuser.
	Tested two pages.
	hint: nothing was sent; run the same command again once it can be saved ('"'"'syncro doctor'"'"' shows the state directory)
	EOF
	test_cmp expect actual &&
	test_grep_not "resumes" err &&
	sandbox_requests >requests &&
	test_grep_not "^P" requests &&
	test ! -e "$XDG_STATE_HOME/syncro/journal/bill-32164.json"
'

test_done
