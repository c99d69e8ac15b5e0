#!/bin/sh
test_description='syncro close: the close status, a resolution comment, the session log'
. "$(dirname "$0")/../test-lib.sh"

start_sandbox

# 1777000000 is 2026-04-24 in UTC: the log's date
SYNCRO_TEST_NOW=1777000000
export SYNCRO_TEST_NOW
LOGS=$XDG_DATA_HOME/syncro/clients
LOG=$LOGS/red-rock-accounting/session-logs/2026-04-24-32160-outlook-keeps-asking-for-password.md

# local TIMESTAMP: as the log shows times (TZ is UTC here)
local_time () {
	date -u -d "$1" "+%Y-%m-%d %H:%M"
}

test_expect_success 'close -m --log: comment, status, log; the exact requests' '
	sandbox_clear_requests &&
	umask 022 &&
	syncro close 32160 -m "Reset the Outlook profile; the prompt is gone." --log >actual &&
	cat >expect <<-\EOF &&
	#32160  resolution comment added
	#32160  In Progress -> Resolved
	wrote ~/.local/share/syncro/clients/red-rock-accounting/session-logs/2026-04-24-32160-outlook-keeps-asking-for-password.md
	EOF
	test_cmp expect actual &&
	cat >expect <<-\EOF &&
	GET /api/v1/tickets/settings
	GET /api/v1/tickets?number=32160
	POST /api/v1/tickets/108429712/comment
	PUT /api/v1/tickets/108429712
	EOF
	requests_at_once 2 >requests &&
	test_cmp expect requests &&
	sandbox_requests_json | jq -c ".requests[2].body, .requests[3].body" >actual &&
	cat >expect <<-\EOF &&
	{"subject":"Resolution","body":"Reset the Outlook profile; the prompt is gone.","hidden":false,"do_not_email":true}
	{"status":"Resolved"}
	EOF
	test_cmp expect actual
'

test_expect_success 'the session log is private: mode 0600 whatever the umask' '
	echo 600 >expect &&
	stat -c %a "$LOG" >actual &&
	test_cmp expect actual
'

test_expect_success 'the session log: every comment oldest first, time, the resolution' '
	sandbox_get tickets/108429712 >ticket.json &&
	resolved=$(local_time "$(jq -r .ticket.resolved_at ticket.json)") &&
	commented=$(jq -r ".ticket.comments[] | select(.subject == \"Resolution\") | .created_at" ticket.json) &&
	commented=$(local_time "$commented") &&
	cat >expect <<-EOF &&
	# #32160 Outlook keeps asking for password

	- Customer: Red Rock Accounting
	- Contact: Anita Shah <anita@redrockcpa.example>
	- Tech: Priya Nair
	- Status: Resolved
	- Priority: 2 Normal
	- Problem type: Software
	- Created: 2026-04-15 17:30
	- Due: 2026-04-18 17:30
	- Resolved: $resolved
	- Link: $SANDBOX_URL/tickets/108429712

	## Comments

	### 2026-04-15 17:37 - Initial Issue

	Outlook on my desktop keeps popping up a password box every few minutes.

	### 2026-04-15 21:44 - Priya Nair - Update [hidden]

	Credential manager has a stale entry; cleared it. Waiting to see if the prompt comes back.

	### 2026-04-16 02:44 - Priya Nair - Update [emailed to anita@redrockcpa.example]

	Please let us know if you see the prompt again today.

	### $commented - Mike Ritter - Resolution

	Reset the Outlook profile; the prompt is gone.

	## Time entries

	- 2026-04-15 19:30, 15 min, Priya Nair, remote (1190473), not charged: Cleared stale credentials

	## Resolution

	Reset the Outlook profile; the prompt is gone.
	EOF
	test_cmp expect "$LOG"
'

test_expect_success 'the cache has the ticket as resolved' '
	grep "^32160	108429712	Resolved	34288080	Red Rock Accounting	" \
		"$(cache_dir)/tickets.tsv"
'

test_expect_success 'a second close never overwrites the log: it writes -2' '
	cp "$LOG" first.md &&
	sandbox_clear_requests &&
	syncro close 32160 --log >actual &&
	cat >expect <<-\EOF &&
	#32160  Resolved -> Resolved
	wrote ~/.local/share/syncro/clients/red-rock-accounting/session-logs/2026-04-24-32160-outlook-keeps-asking-for-password-2.md
	EOF
	test_cmp expect actual &&
	printf "GET /api/v1/tickets/108429712\nPUT /api/v1/tickets/108429712\n" >expect &&
	sandbox_requests >requests &&
	test_cmp expect requests &&
	test_cmp first.md "$LOG" &&
	tail -n 3 "${LOG%.md}-2.md" >actual &&
	printf "## Resolution\n\nReset the Outlook profile; the prompt is gone.\n" >expect &&
	test_cmp expect actual &&
	ls "$LOGS/red-rock-accounting/session-logs" >actual &&
	cat >expect <<-\EOF &&
	2026-04-24-32160-outlook-keeps-asking-for-password-2.md
	2026-04-24-32160-outlook-keeps-asking-for-password.md
	EOF
	test_cmp expect actual
'

test_expect_success 'without a terminal and without --log, no log and no question' '
	sandbox_clear_requests &&
	syncro close 32161 </dev/null >actual 2>err &&
	echo "#32161  In Progress -> Resolved" >expect &&
	test_cmp expect actual &&
	echo "syncro: warning: ticket #32161 has 30 minutes of labor not invoiced; bill it with '"'"'syncro bill 32161'"'"'" >expect &&
	test_cmp expect err &&
	test ! -d "$LOGS/desert-sun-dental" &&
	cat >expect <<-\EOF &&
	GET /api/v1/tickets?number=32161
	PUT /api/v1/tickets/108429977
	EOF
	sandbox_requests >requests &&
	test_cmp expect requests
'

# wrote OUT: the "wrote ..." part of a terminal's output (echo and prompt order vary)
wrote () {
	tr -d "\r" <"$1" | sed -n "s/.*\(wrote .*\)/\1/p"
}

test_expect_success 'on a terminal it asks; n writes nothing, the default writes the log' '
	printf "n\n" | script -qec "syncro close 32158" /dev/null >out &&
	grep -F "Write a session log? [Y/n]: " out &&
	tr -d "\r" <out | grep -x "#32158  Waiting on Customer -> Resolved" &&
	wrote out >actual &&
	test ! -s actual &&
	test ! -d "$LOGS/copper-state-logistics" &&
	printf "\n" | script -qec "syncro close 32158" /dev/null >out &&
	wrote out >actual &&
	echo "wrote ~/.local/share/syncro/clients/copper-state-logistics/session-logs/2026-04-24-32158-wi-fi-drops-in-the-back-warehouse.md" >expect &&
	test_cmp expect actual &&
	test -f "$LOGS/copper-state-logistics/session-logs/2026-04-24-32158-wi-fi-drops-in-the-back-warehouse.md"
'

test_expect_success '--no-log on a terminal does not ask; --yes writes' '
	script -qec "syncro close --no-log 32157" /dev/null </dev/null >out &&
	tr -d "\r" <out >actual &&
	echo "#32157  Customer Reply -> Resolved" >expect &&
	test_cmp expect actual &&
	syncro close --yes 32157 </dev/null >actual &&
	tail -n 1 actual >last &&
	echo "wrote ~/.local/share/syncro/clients/red-rock-accounting/session-logs/2026-04-24-32157-quickbooks-won-t-open-company-file.md" >expect &&
	test_cmp expect last
'

test_expect_success '--yes --no-log, --log --no-log: --no-log wins, no log is written' '
	find "$LOGS" -type f | sort >before &&
	for opts in "--yes --no-log" "--log --no-log"; do
		syncro close $opts 32158 </dev/null >actual &&
		echo "#32158  Resolved -> Resolved" >expect &&
		test_cmp expect actual || return 1
	done &&
	find "$LOGS" -type f | sort >after &&
	test_cmp before after
'

test_expect_success '--email sends the resolution to the customer' '
	sandbox_clear_requests &&
	syncro close 32156 -m "Fixed the SMTP relay." --email >actual &&
	head -n 1 actual >first &&
	echo "#32156  resolution comment added, emailed" >expect &&
	test_cmp expect first &&
	sandbox_requests_json | jq -c ".requests[] | select(.method == \"POST\") | .body.do_not_email" >actual &&
	echo false >expect &&
	test_cmp expect actual
'

test_expect_success 'a 500 on the resolution comment: draft kept, how to send it and close' '
	sandbox_reset &&
	sandbox_fail "{\"method\":\"POST\",\"path\":\"/api/v1/tickets/*/comment\",\"status\":500,\"body\":\"<html>oops</html>\",\"content_type\":\"text/html\"}" &&
	test_expect_code 7 syncro close 32156 -m "Replaced the fan." --no-log >out 2>err &&
	test ! -s out &&
	draft=$HOME/.local/state/syncro/drafts/32156-20260424-030640.txt &&
	cat >expect <<-EOF &&
	syncro: warning: ticket #32156 has 45 minutes of labor not invoiced; bill it with '"'"'syncro bill 32156'"'"'
	syncro: the Syncro API answered '"'"'POST /tickets/108428870/comment'"'"' with 500 and a body that is not JSON (text/html)
	hint: try again later; '"'"'syncro doctor'"'"' checks the connection
	hint: the comment may have reached Syncro: look at '"'"'syncro ticket 32156'"'"' before you send it again
	hint: your text is saved in '"'"'$draft'"'"'
	hint: send it again with: syncro comment 32156 --subject Resolution -F $draft
	hint: then close the ticket with: syncro close 32156
	EOF
	test_cmp expect err &&
	echo "Replaced the fan." >expect &&
	test_cmp expect "$draft" &&
	rm "$draft" &&
	sandbox_requests >requests &&
	test_grep_not "^PUT" requests
'

test_expect_success 'a dropped connection on the resolution comment keeps the draft too' '
	sandbox_reset &&
	sandbox_fail "{\"method\":\"POST\",\"path\":\"/api/v1/tickets/*/comment\",\"close\":true}" &&
	test_expect_code 7 syncro close 32156 -m "Replaced the fan." --no-log 2>err &&
	grep "^hint: the comment may have reached Syncro" err &&
	grep "^hint: send it again with: syncro comment 32156 --subject Resolution -F " err &&
	rm "$HOME"/.local/state/syncro/drafts/32156-*.txt
'

test_expect_success 'a 422 on the PUT after the comment: close again without -m' '
	sandbox_reset &&
	sandbox_fail "{\"method\":\"PUT\",\"path\":\"/api/v1/tickets/*\",\"status\":422,\"body\":\"{\\\"message\\\":[\\\"Status is locked\\\"]}\"}" &&
	test_expect_code 5 syncro close 32156 -m "Replaced the fan." --no-log >out 2>err &&
	echo "#32156  resolution comment added" >expect &&
	test_cmp expect out &&
	cat >expect <<-\EOF &&
	syncro: warning: ticket #32156 has 45 minutes of labor not invoiced; bill it with '"'"'syncro bill 32156'"'"'
	syncro: the Syncro API rejected the change to ticket #32156: Status is locked
	hint: the resolution comment is posted; run '"'"'syncro close 32156'"'"' without -m
	EOF
	test_cmp expect err &&
	test -z "$(ls -A "$HOME/.local/state/syncro/drafts")"
'

test_expect_success 'a number that does not exist: exit 4, nothing posted' '
	sandbox_clear_requests &&
	test_expect_code 4 syncro close 99999 -m "never" --log >out 2>err &&
	test ! -s out &&
	echo "syncro: ticket #99999 not found" >expect &&
	test_cmp expect err &&
	echo "GET /api/v1/tickets?number=99999" >expect &&
	sandbox_requests >requests &&
	test_cmp expect requests
'

test_expect_success 'close_status from the config, checked before anything is sent' '
	mkdir -p "$XDG_CONFIG_HOME/syncro" &&
	echo "close_status: waiting on customer" >"$XDG_CONFIG_HOME/syncro/config.yaml" &&
	sandbox_clear_requests &&
	syncro close 32155 --no-log >actual &&
	echo "#32155  Resolved -> Waiting on Customer" >expect &&
	test_cmp expect actual &&
	sandbox_requests_json | jq -c ".requests[-1].body" >actual &&
	echo "{\"status\":\"Waiting on Customer\"}" >expect &&
	test_cmp expect actual &&
	echo "close_status: Done" >"$XDG_CONFIG_HOME/syncro/config.yaml" &&
	sandbox_clear_requests &&
	test_expect_code 2 syncro close 32155 -m "x" 2>err &&
	head -n 1 err >actual &&
	echo "syncro: unknown status '"'Done'"' for close_status (config)" >expect &&
	test_cmp expect actual &&
	sandbox_requests >requests &&
	test ! -s requests &&
	rm "$XDG_CONFIG_HOME/syncro/config.yaml"
'

test_expect_success '--json: the ticket, the comment and the log path for jq' '
	syncro close 32154 --force -m "Done." --log --json >out &&
	jq -r "[.ticket.number, .ticket.status, .comment.subject, .session_log] | @tsv" out >actual &&
	printf "32154\tResolved\tResolution\t%s\n" \
		"$LOGS/copper-state-logistics/session-logs/2026-04-24-32154-set-up-mfa-for-all-staff.md" >expect &&
	test_cmp expect actual &&
	grep -x -F -e "- 3 x Labor - Project" "$LOGS/copper-state-logistics/session-logs/2026-04-24-32154-set-up-mfa-for-all-staff.md"
'

test_expect_success 'a log that cannot be written: the ticket is closed, exit 1' '
	mkdir -p "$LOGS/mesa-verde-law-group" &&
	>"$LOGS/mesa-verde-law-group/session-logs" &&
	sandbox_clear_requests &&
	test_expect_code 1 syncro close 32150 --log >actual 2>err &&
	echo "#32150  Resolved -> Resolved" >expect &&
	test_cmp expect actual &&
	cat >expect <<-\EOF &&
	syncro: warning: ticket #32150 has 45 minutes of labor not invoiced; bill it with '"'"'syncro bill 32150'"'"'
	syncro: cannot write the session log '"'~/.local/share/syncro/clients/mesa-verde-law-group/session-logs/2026-04-24-32150-phishing-email-did-someone-click.md'"': Not a directory
	hint: the ticket is closed; fix that, then '"'syncro close 32150 --log'"' writes the log
	EOF
	test_cmp expect err &&
	sandbox_requests_json | jq -r ".requests[-1] | .method + \" \" + .body.status" >actual &&
	echo "PUT Resolved" >expect &&
	test_cmp expect actual
'

test_expect_success 'an Invoiced ticket is not moved back to Resolved; nothing is sent' '
	sandbox_reset &&
	sandbox_clear_requests &&
	test_expect_code 1 syncro close 32154 -m "Done." --no-log >out 2>err &&
	test ! -s out &&
	cat >expect <<-\EOF &&
	syncro: ticket #32154 is Invoiced; closing it would set it back to Resolved and undo its billing state
	hint: nothing was sent; close it anyway with '"'"'syncro close 32154 --force'"'"'
	EOF
	test_cmp expect err &&
	sandbox_requests >requests &&
	test_grep_not "^POST\|^PUT" requests &&
	sandbox_get tickets/108428233 | jq -r .ticket.status >actual &&
	echo Invoiced >expect &&
	test_cmp expect actual
'

test_expect_success 'a Resolved ticket gets no second resolution comment; --force adds it' '
	sandbox_reset &&
	syncro close 32160 -m "First." --no-log >/dev/null 2>&1 &&
	sandbox_clear_requests &&
	test_expect_code 1 syncro close 32160 -m "Second." --no-log >out 2>err &&
	cat >expect <<-\EOF &&
	syncro: ticket #32160 is Resolved already; not adding a second resolution comment
	hint: nothing was sent; add a comment with '"'"'syncro comment 32160'"'"', or add it here with --force
	EOF
	test_cmp expect err &&
	sandbox_requests >requests &&
	test_grep_not "^POST\|^PUT" requests &&
	syncro close 32160 -m "Second." --force --no-log >out 2>err &&
	sandbox_get tickets/108429712 | jq "[.ticket.comments[] | select(.subject == \"Resolution\")] | length" >actual &&
	echo 2 >expect &&
	test_cmp expect actual
'

test_expect_success 'usage errors' '
	test_expect_code 2 syncro close 2>err &&
	grep "takes one ticket number" err &&
	test_expect_code 2 syncro close 32164 --no-such 2>err &&
	cat >expect <<-\EOF &&
	syncro: unknown option '"'"'--no-such'"'"'
	usage: syncro close [options] N
	run '"'"'syncro close --help'"'"' for every option
	EOF
	test_cmp expect err &&
	test_expect_code 2 syncro close 32164 -m "" 2>err &&
	grep "empty -m" err &&
	syncro close --help >help &&
	for o in message email log yes no-input json; do
		grep -e "--$o" help || return 1
	done
'

test_expect_success 'not cached: the lookup has the status; --dry-run reads the ticket to warn first' '
	sandbox_reset &&
	rm -f "$(cache_dir)/tickets.tsv" &&
	sandbox_clear_requests &&
	syncro close 32161 --dry-run >out 2>err &&
	echo "syncro: warning: ticket #32161 has 30 minutes of labor not invoiced; bill it with '"'"'syncro bill 32161'"'"'" >warning &&
	test_cmp warning err &&
	printf "%s\n" "GET /api/v1/tickets?number=32161" "GET /api/v1/tickets/108429977" >expect &&
	sandbox_requests >requests &&
	test_cmp expect requests &&
	rm -f "$(cache_dir)/tickets.tsv" &&
	sandbox_clear_requests &&
	syncro close 32161 --no-input >out 2>err &&
	test_cmp warning err &&
	printf "%s\n" "GET /api/v1/tickets?number=32161" "PUT /api/v1/tickets/108429977" >expect &&
	sandbox_requests >requests &&
	test_cmp expect requests
'

test_done
