#!/bin/sh
test_description='comment, close and time: --dry-run says what and prints the requests, sends nothing; confirm: writes without a terminal needs --yes'
. "$(dirname "$0")/../test-lib.sh"

start_sandbox
mkdir -p "$XDG_CONFIG_HOME/syncro"
export SYNCRO_TEST_NOW=1780000000	# 2026-05-28T20:26:40Z
CONFIG=$XDG_CONFIG_HOME/syncro/config.yaml

# No write reached the sandbox since the last sandbox_clear_requests.
no_writes () {
	sandbox_requests >requests &&
	test_grep_not "^POST\|^PUT\|^DELETE" requests
}

# The --dry-run lines of the comment "Replaced the toner" on #32164, after its words.
toner_comment () {
	cat <<-EOF
	POST $SYNCRO_BASE_URL/tickets/108430330/comment
	{
	  "subject": "Update",
	  "body": "Replaced the toner",
	  "hidden": false,
	  "do_not_email": true
	}
	EOF
}

test_expect_success 'comment --dry-run: the comment in words and the POST; no draft, nothing sent' '
	syncro ticket 32164 >/dev/null &&
	sandbox_clear_requests &&
	syncro comment 32164 -m "Replaced the toner" --hidden --dry-run >actual &&
	cat >expect <<-EOF &&
	add a hidden comment "Update" to ticket #32164
	POST $SYNCRO_BASE_URL/tickets/108430330/comment
	{
	  "subject": "Update",
	  "body": "Replaced the toner",
	  "hidden": true,
	  "do_not_email": true
	}
	EOF
	test_cmp expect actual &&
	no_writes &&
	test -z "$(ls -A "$HOME/.local/state/syncro/drafts" 2>/dev/null)"
'

test_expect_success 'comment --time --charge --dry-run (timer): comment, timer and its charge' '
	printf "billing:\n  method: timer\n" >"$CONFIG" &&
	sandbox_clear_requests &&
	syncro comment 32164 -m "Replaced the toner" --time 30 --charge --dry-run >actual &&
	cat >expect <<-EOF &&
	add a comment "Update" to ticket #32164
	record 30 minutes of remote (product 1190473) as a timer, charged
	EOF
	toner_comment >>expect &&
	cat >>expect <<-EOF &&
	POST $SYNCRO_BASE_URL/tickets/108430330/timer_entry
	{
	  "start_at": "2026-05-28T19:56:40Z",
	  "end_at": "2026-05-28T20:26:40Z",
	  "product_id": 1190473,
	  "notes": "Replaced the toner",
	  "billable": true
	}
	POST $SYNCRO_BASE_URL/tickets/108430330/charge_timer_entry
	{
	  "timer_entry_id": "{new timer id}"
	}
	EOF
	test_cmp expect actual &&
	no_writes &&
	rm "$CONFIG"
'

test_expect_success 'comment --time --dry-run (line-item): the line with its price' '
	sandbox_clear_requests &&
	syncro comment 32164 -m "Replaced the toner" --time 30 --dry-run >actual &&
	cat >expect <<-EOF &&
	add a comment "Update" to ticket #32164
	record 30 minutes of remote (product 1190473) as a line item at 125.00 an hour
	EOF
	toner_comment >>expect &&
	cat >>expect <<-EOF &&
	POST $SYNCRO_BASE_URL/tickets/108430330/add_line_item
	{
	  "product_id": 1190473,
	  "name": "Labor - Remote Business",
	  "description": "Replaced the toner",
	  "quantity": 0.5,
	  "price_retail": 125,
	  "taxable": false
	}
	EOF
	test_cmp expect actual &&
	no_writes
'

test_expect_success 'close -m --dry-run: the resolution comment and the PUT; nothing sent' '
	sandbox_clear_requests &&
	syncro close 32160 -m "Reset the profile" --dry-run >actual 2>err &&
	cat >expect <<-EOF &&
	add a comment "Resolution" to ticket #32160
	set ticket #32160 from In Progress to Resolved
	POST $SYNCRO_BASE_URL/tickets/108429712/comment
	{
	  "subject": "Resolution",
	  "body": "Reset the profile",
	  "hidden": false,
	  "do_not_email": true
	}
	PUT $SYNCRO_BASE_URL/tickets/108429712
	{
	  "status": "Resolved"
	}
	EOF
	test_cmp expect actual &&
	no_writes &&
	test ! -e "$XDG_DATA_HOME/syncro/clients/red-rock-accounting/session-logs"
'

test_expect_success 'time add --dry-run: the line item; nothing sent' '
	sandbox_clear_requests &&
	syncro time add 32164 25 --notes "Called the ISP" --dry-run >actual &&
	cat >expect <<-EOF &&
	record 25 minutes of remote (product 1190473) as a line item at 125.00 an hour
	POST $SYNCRO_BASE_URL/tickets/108430330/add_line_item
	{
	  "product_id": 1190473,
	  "name": "Labor - Remote Business",
	  "description": "Called the ISP",
	  "quantity": 0.4167,
	  "price_retail": 125,
	  "taxable": false
	}
	EOF
	test_cmp expect actual &&
	no_writes
'

test_expect_success 'time edit --dry-run: the change and the PUT read from the timer; nothing sent' '
	sandbox_clear_requests &&
	syncro time edit 32161 8812040 --minutes 40 --notes "Reset the port" --dry-run >actual &&
	cat >expect <<-EOF &&
	change timer 8812040 on ticket #32161:
	  minutes: 40
	  notes: Reset the port
	PUT $SYNCRO_BASE_URL/tickets/108429977/update_timer_entry
	{
	  "timer_entry_id": 8812040,
	  "start_at": "2026-04-16T19:55:00Z",
	  "end_at": "2026-04-16T20:35:00Z",
	  "notes": "Reset the port"
	}
	EOF
	test_cmp expect actual &&
	no_writes
'

test_expect_success 'time rm --dry-run: the POST that removes it; nothing sent' '
	sandbox_clear_requests &&
	syncro time rm 32161 8812040 --dry-run >actual &&
	cat >expect <<-EOF &&
	remove timer 8812040 from ticket #32161
	POST $SYNCRO_BASE_URL/tickets/108429977/delete_timer_entry
	{
	  "timer_entry_id": 8812040
	}
	EOF
	test_cmp expect actual &&
	no_writes
'

test_expect_success 'time charge --dry-run, with and without the timer id; nothing sent' '
	sandbox_clear_requests &&
	cat >expect <<-EOF &&
	charge timer 8812040 on ticket #32161
	POST $SYNCRO_BASE_URL/tickets/108429977/charge_timer_entry
	{
	  "timer_entry_id": 8812040
	}
	EOF
	syncro time charge 32161 8812040 -n >actual &&
	test_cmp expect actual &&
	syncro time charge 32161 --dry-run >actual &&
	test_cmp expect actual &&
	no_writes
'

test_expect_success 'confirm: writes without a terminal and without --yes: each verb is exit 2, nothing sent' '
	echo "confirm: writes" >"$CONFIG" &&
	sandbox_clear_requests &&
	test_expect_code 2 syncro comment 32164 -m "x" </dev/null 2>err &&
	grep "^syncro:" err | grep -v "^syncro: warning:" >actual &&
	echo "syncro: this would write to Syncro and there is no terminal to confirm it; pass --yes to send, or --dry-run to see what it would send" >expect &&
	test_cmp expect actual &&
	test_expect_code 2 syncro comment 32164 -m "x" --time 30 </dev/null 2>err &&
	grep "^syncro:" err | grep -v "^syncro: warning:" >actual && test_cmp expect actual &&
	test_expect_code 2 syncro close 32160 </dev/null 2>err &&
	grep "^syncro:" err | grep -v "^syncro: warning:" >actual && test_cmp expect actual &&
	test_expect_code 2 syncro time add 32164 25 </dev/null 2>err &&
	grep "^syncro:" err | grep -v "^syncro: warning:" >actual && test_cmp expect actual &&
	test_expect_code 2 syncro time edit 32161 8812040 --minutes 40 </dev/null 2>err &&
	grep "^syncro:" err | grep -v "^syncro: warning:" >actual && test_cmp expect actual &&
	test_expect_code 2 syncro time rm 32161 8812040 </dev/null 2>err &&
	grep "^syncro:" err | grep -v "^syncro: warning:" >actual && test_cmp expect actual &&
	test_expect_code 2 syncro time charge 32161 </dev/null 2>err &&
	grep "^syncro:" err | grep -v "^syncro: warning:" >actual && test_cmp expect actual &&
	no_writes
'

test_expect_success 'confirm: writes without a terminal: reopen, timer stop, bill and drafts send too' '
	SYNCRO_TEST_NOW=1779998200 syncro timer start 32163 >/dev/null &&
	sandbox_fail "{\"method\":\"POST\",\"path\":\"/api/v1/tickets/*/comment\",\"status\":500}" &&
	test_expect_code 7 syncro comment 32164 -m "Kept for later" --yes 2>/dev/null &&
	sandbox_reset &&
	sandbox_clear_requests &&
	echo "syncro: this would write to Syncro and there is no terminal to confirm it; pass --yes to send, or --dry-run to see what it would send" >expect &&
	test_expect_code 2 syncro reopen 32154 </dev/null 2>err &&
	head -n 1 err >actual && test_cmp expect actual &&
	test_expect_code 2 syncro timer stop 32163 --notes x --labor remote </dev/null 2>err &&
	head -n 1 err >actual && test_cmp expect actual &&
	test_expect_code 2 syncro bill 32163 --minutes 30 --labor remote -m x </dev/null 2>err &&
	head -n 1 err >actual && test_cmp expect actual &&
	test_expect_code 2 syncro bill 32163 --minutes 30 --labor remote -m x --no-input </dev/null 2>err &&
	head -n 1 err >actual && test_cmp expect actual &&
	test_expect_code 2 syncro drafts send 1 </dev/null 2>err &&
	head -n 1 err >actual && test_cmp expect actual &&
	no_writes &&
	test ! -e "$XDG_STATE_HOME/syncro/journal/bill-32163.json" &&
	syncro timer >actual &&
	grep "^#32163 " actual
'

test_expect_success 'reopen, timer stop and drafts send --dry-run: the words and the requests; nothing sent' '
	sandbox_clear_requests &&
	syncro reopen 32154 --dry-run >actual &&
	cat >expect <<-EOF &&
	set ticket #32154 from Invoiced to In Progress
	PUT $SYNCRO_BASE_URL/tickets/108428233
	{
	  "status": "In Progress"
	}
	EOF
	test_cmp expect actual &&
	syncro timer stop 32163 --notes "Reset it" --labor remote --dry-run >actual &&
	cat >expect <<-EOF &&
	record 30 minutes of remote (product 1190473) as a line item at 125.00 an hour
	POST $SYNCRO_BASE_URL/tickets/108430301/add_line_item
	{
	  "product_id": 1190473,
	  "name": "Labor - Remote Business",
	  "description": "Reset it",
	  "quantity": 0.5,
	  "price_retail": 125,
	  "taxable": false
	}
	EOF
	test_cmp expect actual &&
	syncro timer stop 32163 --discard --dry-run >actual &&
	echo "forget the live timer on #32163, record nothing" >expect &&
	test_cmp expect actual &&
	syncro timer start 32164 --dry-run >actual &&
	echo "start a live timer on #32164 on this machine" >expect &&
	test_cmp expect actual &&
	syncro drafts send 1 --dry-run >actual &&
	cat >expect <<-EOF &&
	add a comment "Update" to ticket #32164
	POST $SYNCRO_BASE_URL/tickets/108430330/comment
	{
	  "subject": "Update",
	  "body": "Kept for later",
	  "hidden": false,
	  "do_not_email": true
	}
	EOF
	test_cmp expect actual &&
	no_writes &&
	syncro timer >actual &&
	echo "#32163  0:30  since 2026-05-28 19:56" >expect &&
	test_cmp expect actual &&
	test_expect_code 2 syncro timer --dry-run 2>err &&
	echo "syncro: '"'"'--dry-run'"'"' is for '"'"'syncro timer start'"'"' and '"'"'stop'"'"'" >expect &&
	head -n 1 err >actual && test_cmp expect actual &&
	test_expect_code 2 syncro drafts --yes 2>err &&
	echo "syncro: '"'"'--yes'"'"' and '"'"'--dry-run'"'"' are for '"'"'syncro drafts send'"'"'" >expect &&
	head -n 1 err >actual && test_cmp expect actual
'

test_expect_success 'confirm: writes with --yes: reopen, timer stop and drafts send send' '
	sandbox_clear_requests &&
	syncro reopen 32154 --yes </dev/null >actual &&
	syncro timer stop 32163 --notes x --labor remote --yes </dev/null >actual &&
	syncro drafts send 1 --yes </dev/null >actual &&
	sandbox_requests >requests &&
	grep -x "PUT /api/v1/tickets/108428233" requests &&
	grep -x "POST /api/v1/tickets/108430301/add_line_item" requests &&
	grep -x "POST /api/v1/tickets/108430330/comment" requests &&
	sandbox_reset
'

test_expect_success NOT_WINE 'confirm: writes on a terminal: the summary, then no sends nothing and keeps the editor text' '
	write_script fake-editor <<-\EOF &&
	printf "Called Jerry back\n" >"$1"
	EOF
	sandbox_clear_requests &&
	answer_on_tty n 1 "EDITOR=./fake-editor syncro comment 32164" &&
	grep "^add a comment \"Update\" to ticket #32164$" tty.out &&
	grep "^POST $SYNCRO_BASE_URL/tickets/108430330/comment$" tty.out &&
	grep "nothing sent" tty.out &&
	no_writes &&
	echo "Called Jerry back" >expect &&
	test_cmp expect "$HOME/.local/state/syncro/drafts/32164-20260528-202640.txt" &&
	rm -r "$HOME/.local/state/syncro/drafts" &&
	answer_on_tty y 0 "syncro time rm 32161 8812040" &&
	grep "^remove timer 8812040 from ticket #32161$" tty.out &&
	grep "#32161: timer 8812040 removed$" tty.out &&
	sandbox_requests >requests &&
	grep "^POST /api/v1/tickets/108429977/delete_timer_entry" requests &&
	sandbox_reset
'

test_expect_success 'confirm: writes with --yes sends without asking' '
	sandbox_clear_requests &&
	syncro comment 32164 -m "Sent anyway" --yes </dev/null >actual &&
	grep "^#32164: comment [0-9]* posted$" actual &&
	syncro time rm 32161 8812040 --yes </dev/null >actual &&
	echo "#32161: timer 8812040 removed" >expect &&
	test_cmp expect actual &&
	sandbox_requests >requests &&
	grep "^POST /api/v1/tickets/108430330/comment" requests &&
	grep "^POST /api/v1/tickets/108429977/delete_timer_entry" requests &&
	rm "$CONFIG"
'

test_done
