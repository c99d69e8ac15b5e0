#!/bin/sh
test_description='syncro status: my open tickets by status, overdue, uncharged time, live timers'
. "$(dirname "$0")/../test-lib.sh"

: "${TEST_API_KEY:=test-key-6210}"
# charge-line-id: so that 'time charge' verifies, for the last test
start_sandbox --quirk charge-line-id
# the timer method (line-item is the default billing.method)
mkdir -p "$XDG_CONFIG_HOME/syncro"
printf "billing:\n  method: timer\n" >"$XDG_CONFIG_HOME/syncro/config.yaml"
# 2026-04-22 11:00 UTC
SYNCRO_TEST_NOW=1776855600
export SYNCRO_TEST_NOW

test_expect_success 'my day from three requests' '
	sandbox_clear_requests &&
	SYNCRO_TEST_NOW=1776852000 syncro timer start 32163 >/dev/null &&
	syncro status >actual &&
	cat >expect <<-\EOF &&
	Assigned to Mike Ritter: 9 open tickets

	In Progress (3)
	  #32161  Desert Sun Dental  Printer offline in front office  [overdue: due 2 days ago]
	  #32156  Pinnacle Peak Realty  Website contact form not sending  [overdue: due 8 days ago]
	  #32125  Mesa Verde Law Group  Quarterly server patching  [overdue: due 1 month ago]

	Waiting for Parts (2)
	  #32143  Desert Sun Dental  Dental imaging PC blue screens  [overdue: due 22 days ago]
	  #32129  Saguaro Veterinary Clinic  New access point for exam rooms  [overdue: due 1 month ago]

	Waiting on Customer (3)
	  #32158  Copper State Logistics  Wi-Fi drops in the back warehouse  [overdue: due 5 days ago]
	  #32135  Red Rock Accounting  Email bouncing to one client domain  [overdue: due 1 month ago]
	  #32120  Pinnacle Peak Realty  Annual network documentation review  [overdue: due 1 month ago]

	Customer Reply (1)
	  #32144  LeeAnn Parkinson  iPhone not syncing company email  [overdue: due 21 days ago]

	Overdue: 9

	Uncharged time, last 30 days: 75 min in 2 timers
	  #32161  30 min  Remote session: reset printer port, DHCP reservation  (timer 8812040)
	  #32156  45 min  Debugged contact form SMTP relay  (timer 8812074)

	Live timers on this machine
	  #32163  1:00  since 2026-04-22 10:00
	EOF
	test_cmp expect actual &&
	sandbox_requests >requests &&
	grep -v "^GET /api/v1/tickets/settings" requests >main-requests &&
	cat >expect <<-\EOF &&
	GET /api/v1/me
	GET /api/v1/tickets?user_id=74571&status=Not+Closed&page=1&per_page=100
	GET /api/v1/ticket_timers?created_at_gt=2026-03-23T11%3a00%3a00Z&page=1
	EOF
	test_cmp expect main-requests
'

test_expect_success 'time logged on a ticket not mine names its number' '
	syncro time add 32164 20 --notes "Looked at the sync" >/dev/null &&
	syncro status >actual &&
	grep "^Uncharged time, last 30 days: 95 min in 3 timers$" actual &&
	grep "^  #32164  20 min  Looked at the sync  (timer [0-9]*)$" actual
'

test_expect_success 'charged time is not listed' '
	syncro time charge 32164 --all >/dev/null &&
	syncro status >actual &&
	grep "^Uncharged time, last 30 days: 75 min in 2 timers$" actual
'

test_done
