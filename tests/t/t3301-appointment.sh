#!/bin/sh
test_description='syncro: the account'"'"'s zone with the weekday, relative times, create, move, rm'
. "$(dirname "$0")/../test-lib.sh"

start_sandbox
export SYNCRO_TEST_NOW=1796299200	# Thu 2026-12-03 12:00 UTC, 05:00 in Arizona
export TZ=Asia/Tokyo			# not the account's zone: never used

test_expect_success 'create --dry-run: weekday and the account'"'"'s zone (from GET /settings), the body in UTC' '
	sandbox_clear_requests &&
	syncro appt create 32164 --at "tomorrow 9:30" --duration 90 --tech Sam --dry-run >actual &&
	cat >expect <<-EOF &&
	book ticket #32164 (Jerry Burger) on Fri 2026-12-04 09:30 MST to 11:00 MST, 90 min
	  owned by Sam Ortega
	POST $SYNCRO_BASE_URL/appointments
	{
	  "ticket_id": 108430330,
	  "customer_id": 34288070,
	  "summary": "Own cloud thing again",
	  "start_at": "2026-12-04T16:30:00.000Z",
	  "end_at": "2026-12-04T18:00:00.000Z",
	  "user_ids": [
	    74572
	  ]
	}
	EOF
	test_cmp expect actual &&
	sandbox_requests >requests &&
	grep -x "GET /api/v1/settings" requests &&
	test_grep_not POST requests
'

test_expect_success 'the zone is cached: a second run does not ask for the settings' '
	sandbox_clear_requests &&
	syncro appt create 32164 --at "2026-12-04 09:30" --dry-run >/dev/null &&
	sandbox_requests >requests &&
	test_grep_not settings requests
'

test_expect_success 'create: one POST; the tech is the first of user_ids; the start is checked' '
	sandbox_clear_requests &&
	syncro appt create 32164 --at "2026-12-04 09:30" --tech Sam >actual &&
	echo "booked appointment 5100001 for ticket #32164: Fri 2026-12-04 09:30 MST, 60 min" >expect &&
	test_cmp expect actual &&
	sandbox_requests >requests &&
	tail -n 1 requests >actual &&
	echo "POST /api/v1/appointments" >expect &&
	test_cmp expect actual &&
	sandbox_get appointments/5100001 | jq -c "[.user_ids, .start_at, .end_at]" >actual &&
	echo "[[74572],\"2026-12-04T16:30:00.000Z\",\"2026-12-04T17:30:00.000Z\"]" >expect &&
	test_cmp expect actual
'

test_expect_success 'list, --today and --week send the days; list shows the weekday and zone' '
	syncro appointment list >actual &&
	echo "5100001  Fri 2026-12-04 09:30 MST  60 min  Own cloud thing again" >expect &&
	test_cmp expect actual &&
	sandbox_clear_requests &&
	syncro appointment list --today 2>err &&
	echo "syncro: no appointments match" >expect &&
	test_cmp expect err &&
	syncro appointment list --week --mine >/dev/null &&
	cat >expect <<-\EOF &&
	GET /api/v1/appointments?date_from=2026-12-03&date_to=2026-12-03
	GET /api/v1/appointments?date_from=2026-12-03&date_to=2026-12-09&mine=true
	EOF
	sandbox_requests >requests &&
	test_cmp expect requests
'

test_expect_success 'move --at +2d: from and to in words, the length kept, one PUT' '
	sandbox_clear_requests &&
	syncro appt move 5100001 --at +2d --dry-run >actual &&
	cat >expect <<-EOF &&
	move appointment 5100001 (Own cloud thing again)
	  from Fri 2026-12-04 09:30 MST
	  to   Sat 2026-12-05 05:00 MST, 60 min as before
	PUT $SYNCRO_BASE_URL/appointments/5100001
	{
	  "start_at": "2026-12-05T12:00:00.000Z",
	  "end_at": "2026-12-05T13:00:00.000Z"
	}
	EOF
	test_cmp expect actual &&
	syncro appt move 5100001 --at "2026-12-07 13:15" >actual &&
	echo "moved appointment 5100001 to Mon 2026-12-07 13:15 MST" >expect &&
	test_cmp expect actual &&
	sandbox_get appointments/5100001 | jq -r .end_at >actual &&
	echo "2026-12-07T21:15:00.000Z" >expect &&
	test_cmp expect actual
'

test_expect_success 'a time that is none of the forms, or no such day, is a usage error' '
	test_expect_code 2 syncro appt create 32164 --at "next friday" 2>err &&
	head -n 1 err >actual &&
	echo "syncro: '"'next friday'"' is not a time: use \"2026-12-04 09:30\", \"today 14:00\", \"tomorrow 9:30\", \"9:30\" or +2d, +3h, +90m" >expect &&
	test_cmp expect actual &&
	test_expect_code 2 syncro appt create 32164 --at "2026-02-31 09:30" 2>/dev/null
'

test_expect_success 'completion offers the appointment ids seen, with start and summary, without the network' '
	sandbox_clear_requests &&
	syncro __complete appt move 51 >actual &&
	printf "5100001\tMon 2026-12-07 13:15 MST · Own cloud thing again\n:36\n" >expect &&
	test_cmp expect actual &&
	sandbox_requests >requests &&
	test ! -s requests
'

test_expect_success 'rm without a terminal or --yes is refused; --yes removes' '
	test_expect_code 2 syncro appt rm 5100001 </dev/null 2>/dev/null &&
	sandbox_get appointments/5100001 >/dev/null &&
	syncro appt rm 5100001 --yes >actual &&
	echo "removed appointment 5100001 (Mon 2026-12-07 13:15 MST)" >expect &&
	test_cmp expect actual &&
	test_expect_code 22 sandbox_get appointments/5100001 2>/dev/null &&
	syncro __complete appt rm "" >actual &&
	echo ":36" >expect &&
	test_cmp expect actual
'

test_expect_success 'list --json: the appointments unwrapped, --json=FIELDS their fields, after the --customer filter' '
	syncro appt create 32164 --at "2026-12-08 09:30" --yes >/dev/null &&
	syncro appt create 32161 --at "2026-12-08 11:30" --yes >/dev/null &&
	syncro appointment list --json=id,customer_id >actual &&
	cat >expect <<-\EOF &&
	[
	  {
	    "id": 5100001,
	    "customer_id": 34288070
	  },
	  {
	    "id": 5100002,
	    "customer_id": 34288075
	  }
	]
	EOF
	test_cmp expect actual &&
	sandbox_clear_requests &&
	syncro appointment list --customer 34288070 --json=id,summary >actual &&
	cat >expect <<-\EOF &&
	[
	  {
	    "id": 5100001,
	    "summary": "Own cloud thing again"
	  }
	]
	EOF
	test_cmp expect actual &&
	sandbox_requests >requests &&
	grep -x "GET /api/v1/appointments?customer_id=34288070" requests &&
	syncro appointment list --json >actual &&
	jq -r ".[].start_at" actual >starts &&
	printf "2026-12-08T16:30:00.000Z\n2026-12-08T18:30:00.000Z\n" >expect &&
	test_cmp expect starts
'

test_done
