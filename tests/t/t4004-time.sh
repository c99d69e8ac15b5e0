#!/bin/sh
test_description='syncro time: list, add, edit, rm, charge and --labor-list, each change verified'
. "$(dirname "$0")/../test-lib.sh"

# Strict but for the charge that names its line: the tests show that line
# in the list and refuse to edit a charged timer through it (t5010 tests a
# charge answered with ticket_line_item_id null).
start_sandbox --quirk charge-line-id
# these tests are of the timer method; line-item (the default) is set where tested
mkdir -p "$XDG_CONFIG_HOME/syncro"
printf "billing:\n  method: timer\n" >"$XDG_CONFIG_HOME/syncro/config.yaml"
export SYNCRO_TEST_NOW=1780000000	# 2026-05-28T20:26:40Z

timers () {
	sandbox_get tickets/108430330 | jq -c '.ticket.ticket_timers[] |
		{id, start_time, end_time, active_duration, product_id, notes, recorded}'
}

test_expect_success 'list: timers with tech, start, minutes, product, notes, charged, invoiced' '
	syncro time 32161 >out &&
	cat >expect <<-\EOF &&
	ID             TECH         START             MIN  PRODUCT  NOTES                                                 CHARGED  INVOICED
	timer 8812040  Mike Ritter  2026-04-16 19:55   30  remote   Remote session: reset printer port, DHCP reservation  no       no
	EOF
	test_cmp expect out &&
	cat >expect <<-\EOF &&
	GET /api/v1/tickets?number=32161
	GET /api/v1/tickets/108429977
	GET /api/v1/tickets/settings
	EOF
	sandbox_requests >actual &&
	test_cmp expect actual
'

test_expect_success 'list again: number and settings cached, one GET of the ticket' '
	sandbox_clear_requests &&
	syncro time 32161 >again &&
	test_cmp out again &&
	echo "GET /api/v1/tickets/108429977" >expect &&
	sandbox_requests >actual &&
	test_cmp expect actual
'

test_expect_success 'list: a ticket without time says so; --json gives the objects' '
	syncro time 32164 >out &&
	echo "#32164 has no timers and no labor lines" >expect &&
	test_cmp expect out &&
	syncro time 32161 --json | jq -c "[.ticket_timers[].id, .line_items]" >actual &&
	echo "[8812040,[]]" >expect &&
	test_cmp expect actual
'

test_expect_success 'add: a timer ending now, verified; --charge charges it' '
	sandbox_reset &&
	syncro time add 32164 25 --notes "Called the ISP" >out &&
	syncro time add 32164 60 --labor onsite --charge >>out &&
	cat >expect <<-\EOF &&
	#32164: 25 minutes of remote (product 1190473) as timer 8812109
	#32164: 60 minutes of onsite (product 26118) as timer 8812110, charged on line item 29871754
	EOF
	test_cmp expect out &&
	cat >expect <<-\EOF &&
	["POST","/api/v1/tickets/108430330/timer_entry",{"start_at":"2026-05-28T20:01:40Z","end_at":"2026-05-28T20:26:40Z","product_id":1190473,"notes":"Called the ISP","billable":true}]
	["POST","/api/v1/tickets/108430330/timer_entry",{"start_at":"2026-05-28T19:26:40Z","end_at":"2026-05-28T20:26:40Z","product_id":26118,"notes":"Labor","billable":true}]
	["GET","/api/v1/tickets/108430330",null]
	["POST","/api/v1/tickets/108430330/charge_timer_entry",{"timer_entry_id":8812110}]
	["GET","/api/v1/tickets/108430330",null]
	EOF
	requests_with_bodies >actual &&
	test_cmp expect actual &&
	syncro time 32164 >out &&
	cat >expect <<-\EOF &&
	ID             TECH         START             MIN  PRODUCT  NOTES           CHARGED        INVOICED
	timer 8812109  Mike Ritter  2026-05-28 20:01   25  remote   Called the ISP  no             no
	timer 8812110  Mike Ritter  2026-05-28 19:26   60  onsite   Labor           line 29871754  no
	EOF
	test_cmp expect out
'

test_expect_success 'add: the timer is billable, and the ticket shows it waiting to be charged' '
	sandbox_get tickets/108430330 | jq -c ".ticket.ticket_timers[] | [.id, .billable]" >actual &&
	cat >expect <<-\EOF &&
	[8812109,true]
	[8812110,true]
	EOF
	test_cmp expect actual &&
	syncro ticket 32164 >out &&
	grep "Called the ISP" out >actual &&
	echo "  25 min  remote                   not charged  2026-05-28 20:01  Called the ISP" >expect &&
	test_cmp expect actual
'

test_expect_success 'a timer whose billable_time and active_duration disagree: its end - start everywhere' '
	sandbox_reset &&
	sandbox_get tickets/108429977 |
	jq -c ".ticket.ticket_timers[0] |= (.billable_time = 99 | .active_duration = 2400)" >ticket.json &&
	answer=$(jq -Rs . ticket.json) &&
	sandbox_fail "{\"method\":\"GET\",\"path\":\"/api/v1/tickets/108429977\",\"count\":2,\"status\":200,\"content_type\":\"application/json\",\"body\":$answer}" &&
	sandbox_fail "{\"method\":\"PUT\",\"path\":\"/api/v1/tickets/108429977\",\"count\":1,\"status\":200,\"content_type\":\"application/json\",\"body\":$answer}" &&
	syncro ticket 32161 >out &&
	sed -n "/^time entries/,/^billing/p" out >actual &&
	cat >expect <<-\EOF &&
	time entries
	  30 min  remote  not charged  2026-04-16 19:55  Remote session: reset printer port, DHCP reservation

	billing: 30 min not charged
	EOF
	test_cmp expect actual &&
	syncro time 32161 >out &&
	cat >expect <<-\EOF &&
	ID             TECH         START             MIN  PRODUCT  NOTES                                                 CHARGED  INVOICED
	timer 8812040  Mike Ritter  2026-04-16 19:55   30  remote   Remote session: reset printer port, DHCP reservation  no       no
	EOF
	test_cmp expect out &&
	syncro close 32161 --log >out &&
	grep "^- 2026-04-16 19:55" "$HOME/.local/share/syncro/clients/desert-sun-dental/session-logs/2026-05-28-32161-printer-offline-in-front-office.md" >actual &&
	echo "- 2026-04-16 19:55, 30 min, Mike Ritter, remote (1190473), not charged: Remote session: reset printer port, DHCP reservation" >expect &&
	test_cmp expect actual
'

test_expect_success 'add: a stray SYNCRO_NOW does not back-date the time posted' '
	sandbox_reset &&
	(
		unset SYNCRO_TEST_NOW &&
		export SYNCRO_NOW=1000000000 &&
		before=$(date +%s) &&
		syncro time add 32164 25 --notes "Called the ISP" >out &&
		after=$(date +%s) &&
		end=$(sandbox_requests_json | jq ".requests[0].body.end_at | fromdateiso8601") &&
		start=$(sandbox_requests_json | jq ".requests[0].body.start_at | fromdateiso8601") &&
		echo "end_at $end, clock $before..$after" &&
		test "$end" -ge "$before" && test "$end" -le "$after" &&
		test $((end - start)) = 1500
	)
'

test_expect_success 'add with billing.method line-item adds a labor line, listed as such' '
	sandbox_reset &&
	mkdir -p "$XDG_CONFIG_HOME/syncro" &&
	printf "billing:\n  method: line-item\n" >"$XDG_CONFIG_HOME/syncro/config.yaml" &&
	syncro time add 32164 45 --labor travel --notes "Drive to site" >out &&
	printf "billing:\n  method: timer\n" >"$XDG_CONFIG_HOME/syncro/config.yaml" &&
	echo "#32164: 45 minutes of travel (product 26117) as line item 29871754" >expect &&
	test_cmp expect out &&
	syncro time 32164 >out &&
	cat >expect <<-\EOF &&
	ID             TECH         START             MIN  PRODUCT  NOTES          CHARGED  INVOICED
	line 29871754  Mike Ritter  2026-11-28 14:11   45  travel   Drive to site  yes      no
	EOF
	sed "s/2026-[0-9-]* [0-9:]*/2026-11-28 14:11/" out >actual &&
	test_cmp expect actual
'

test_expect_success 'edit: --minutes moves the end from the start, --labor and --notes replace' '
	sandbox_reset &&
	syncro time add 32164 25 --notes "Called the ISP" >/dev/null &&
	sandbox_clear_requests &&
	syncro time edit 32164 8812109 --minutes 40 --labor project --notes "Called the ISP twice" >out &&
	echo "#32164: timer 8812109 changed" >expect &&
	test_cmp expect out &&
	cat >expect <<-\EOF &&
	["GET","/api/v1/tickets/108430330",null]
	["PUT","/api/v1/tickets/108430330/update_timer_entry",{"timer_entry_id":8812109,"start_at":"2026-05-28T20:01:40Z","end_at":"2026-05-28T20:41:40Z","product_id":9269129,"notes":"Called the ISP twice"}]
	["GET","/api/v1/tickets/108430330",null]
	EOF
	requests_with_bodies >actual &&
	test_cmp expect actual &&
	echo "{\"id\":8812109,\"start_time\":\"2026-05-28T20:01:40.000Z\",\"end_time\":\"2026-05-28T20:41:40.000Z\",\"active_duration\":2400,\"product_id\":9269129,\"notes\":\"Called the ISP twice\",\"recorded\":false}" >expect &&
	timers >actual &&
	test_cmp expect actual
'

test_expect_success 'edit that Syncro answers but does not apply is an error saying what it holds' '
	sandbox_fail "{\"method\":\"PUT\",\"path\":\"/api/v1/tickets/*/update_timer_entry\",\"status\":200,\"body\":\"{\\\"id\\\":8812109}\"}" &&
	test_expect_code 1 syncro time edit 32164 8812109 --labor onsite >out 2>err &&
	cat >expect <<-\EOF &&
	syncro: timer 8812109 on ticket #32164 has product 9269129 '"'"'Labor - Project'"'"' and 40 minutes, not product 26118 '"'"'Labor - Onsite Business'"'"' and 40 minutes
	hint: nothing was undone; see what the ticket holds with '"'"'syncro time 32164'"'"'
	EOF
	test_cmp expect err
'

test_expect_success 'edit needs something to change; an unknown timer is exit 4' '
	test_expect_code 2 syncro time edit 32164 8812109 2>err &&
	grep "give --minutes, --labor or --notes to change" err &&
	test_expect_code 4 syncro time edit 32164 1 --minutes 5 2>err &&
	cat >expect <<-\EOF &&
	syncro: ticket #32164 has no timer 1
	hint: '"'"'syncro time 32164'"'"' lists its timers
	EOF
	test_cmp expect err
'

test_expect_success 'charge: the only uncharged timer, verified to point at a matching line' '
	sandbox_clear_requests &&
	syncro time charge 32164 >out &&
	echo "#32164: timer 8812109 charged on line item 29871754" >expect &&
	test_cmp expect out &&
	cat >expect <<-\EOF &&
	GET /api/v1/tickets/108430330
	POST /api/v1/tickets/108430330/charge_timer_entry
	GET /api/v1/tickets/108430330
	EOF
	sandbox_requests >actual &&
	test_cmp expect actual &&
	sandbox_get tickets/108430330 | jq -c ".ticket.line_items[] | [.product_id, .quantity]" >actual &&
	echo "[9269129,\"0.6667\"]" >expect &&
	test_cmp expect actual
'

test_expect_success 'a charged timer is not edited or removed (its line would disagree)' '
	test_expect_code 1 syncro time rm 32164 8812109 2>err &&
	cat >expect <<-\EOF &&
	syncro: timer 8812109 on ticket #32164 is charged (line item 29871754); removing the timer would leave that line as it is
	hint: change the line item in Syncro instead
	EOF
	test_cmp expect err &&
	test_expect_code 1 syncro time edit 32164 8812109 --minutes 5 2>err &&
	grep "editing the timer would leave that line as it is" err
'

test_expect_success 'charge: several uncharged timers need an id or --all' '
	sandbox_reset &&
	syncro time add 32164 10 >/dev/null &&
	syncro time add 32164 20 >/dev/null &&
	test_expect_code 2 syncro time charge 32164 >out 2>err &&
	cat >expect <<-\EOF &&
	syncro: #32164 has 2 uncharged timers: 8812109, 8812110
	hint: charge one with '"'"'syncro time charge 32164 TIMER'"'"', or all with --all
	EOF
	test_cmp expect err &&
	syncro time charge 32164 --all >out &&
	cat >expect <<-\EOF &&
	#32164: timer 8812109 charged on line item 29871754
	#32164: timer 8812110 charged on line item 29871755
	EOF
	test_cmp expect out &&
	syncro time charge 32164 --all >out &&
	echo "#32164 has no uncharged timers" >expect &&
	test_cmp expect out
'

test_expect_success 'charge: a charge Syncro answers for but does not record is an error' '
	sandbox_reset &&
	syncro time add 32164 30 --labor onsite >/dev/null &&
	sandbox_fail "{\"method\":\"POST\",\"path\":\"/api/v1/tickets/*/charge_timer_entry\",\"status\":200,\"body\":\"{}\"}" &&
	test_expect_code 1 syncro time charge 32164 8812109 2>err &&
	cat >expect <<-\EOF &&
	syncro: timer 8812109 on ticket #32164 is not charged after Syncro answered that it charged it
	hint: nothing was undone; see what the ticket holds with '"'"'syncro time 32164'"'"'
	EOF
	test_cmp expect err
'

test_expect_success 'rm: the timer is gone, verified' '
	sandbox_reset &&
	syncro time add 32164 10 >/dev/null &&
	sandbox_clear_requests &&
	syncro time rm 32164 8812109 >out &&
	echo "#32164: timer 8812109 removed" >expect &&
	test_cmp expect out &&
	cat >expect <<-\EOF &&
	["GET","/api/v1/tickets/108430330",null]
	["POST","/api/v1/tickets/108430330/delete_timer_entry",{"timer_entry_id":8812109}]
	["GET","/api/v1/tickets/108430330",null]
	EOF
	requests_with_bodies >actual &&
	test_cmp expect actual &&
	timers >actual &&
	test ! -s actual
'

test_expect_success '--labor-list: each alias, its product id and the name Syncro has' '
	rm -rf "$(cache_dir)"/product-* &&
	mkdir -p "$XDG_CONFIG_HOME/syncro" &&
	printf "billing:\n  method: timer\nlabor:\n  default: onsite\n  products:\n    consult: 4471201\n    gone: 123\n" >"$XDG_CONFIG_HOME/syncro/config.yaml" &&
	test_expect_code 4 syncro time --labor-list >out 2>err &&
	printf "billing:\n  method: timer\n" >"$XDG_CONFIG_HOME/syncro/config.yaml" &&
	cat >expect <<-\EOF &&
	remote            1190473  Labor - Remote Business
	onsite (default)    26118  Labor - Onsite Business
	emergency           26184  Labor - Emergency or After Hours Business
	project           9269129  Labor - Project
	internal          9269124  Labor - Internal
	travel              26117  Fee - Travel Time
	website             68055  Labor - Website
	consult           4471201  Ubiquiti UniFi U6-Lite Access Point
	gone                  123  ? product 123 not found
	EOF
	test_cmp expect out &&
	echo "syncro: some labor products are not in Syncro; fix labor.products in the config" >expect &&
	test_cmp expect err
'

test_expect_success 'unknown alias, bad minutes, bad ids and misplaced options are usage errors' '
	sandbox_clear_requests &&
	test_expect_code 2 syncro time add 32164 30 --labor remot 2>err &&
	cat >expect <<-\EOF &&
	syncro: unknown labor '"'"'remot'"'"'; did you mean '"'"'remote'"'"'?
	hint: give a product id or one of: remote, project, website, onsite, internal, travel, emergency
	EOF
	test_cmp expect err &&
	test_expect_code 2 syncro time add 32164 0 2>err &&
	echo "syncro: '"'"'MIN'"'"' takes a whole number of minutes from 1 to 100000, not '"'"'0'"'"'" >expect &&
	test_cmp expect err &&
	test_expect_code 2 syncro time edit 32164 8812109 --minutes 1.5 2>err &&
	echo "syncro: '"'"'--minutes'"'"' takes a whole number of minutes from 1 to 100000, not '"'"'1.5'"'"'" >expect &&
	test_cmp expect err &&
	test_expect_code 2 syncro time rm 32164 abc 2>err &&
	grep "'"'"'abc'"'"' is not a timer id" err &&
	test_expect_code 2 syncro time rm 32164 5 --charge 2>err &&
	cat >expect <<-\EOF &&
	syncro: unknown option '"'"'--charge'"'"'
	usage: syncro time rm [options] N TIMER
	run '"'"'syncro time rm --help'"'"' for every option
	EOF
	test_cmp expect err &&
	test_expect_code 2 syncro time 32164 --all 2>err &&
	cat >expect <<-\EOF &&
	syncro: unknown option '"'"'--all'"'"'
	usage: syncro time [options] N
	   or: syncro time add|edit|rm|charge [options] N ...
	   or: syncro time --labor-list
	run '"'"'syncro time --help'"'"' for every option
	EOF
	test_cmp expect err &&
	test_expect_code 2 syncro time --json add 32164 30 2>err &&
	echo "syncro: give the options after the subcommand: '"'"'syncro time add [options]'"'"'" >expect &&
	head -n 1 err >actual &&
	test_cmp expect actual &&
	test_expect_code 2 syncro time frobnicate 32164 2>err &&
	grep "unknown subcommand '"'"'frobnicate'"'"'" err &&
	test_expect_code 2 syncro time 2>err &&
	sandbox_requests >actual &&
	test ! -s actual
'

test_expect_success '--verbose never shows the key' '
	syncro time add 32164 5 --verbose >out 2>err &&
	grep "POST /api/v1/tickets/108430330/timer_entry" err &&
	test_grep_not "$TEST_API_KEY" out err
'

test_done
