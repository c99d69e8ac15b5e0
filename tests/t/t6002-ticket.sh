#!/bin/sh
test_description='syncro ticket N: fields, comments, time, billing; requests cached or not; --web, --json'
. "$(dirname "$0")/../test-lib.sh"

start_sandbox
SQ="'"

cat >32161.expect <<\EOF_
#32161  Printer offline in front office
status    In Progress
priority  1 High
customer  Desert Sun Dental
contact   Linda Chavez
created   2026-04-16 17:55
due       2026-04-19 17:55
updated   2026-04-18 06:55
tech      Mike Ritter

comments (2, newest first)
  2026-04-16 22:45  Mike Ritter  [emailed office@desertsundental.example]  Update
      Connected remotely. Printer grabbed a new IP from DHCP overnight; updating the port and setting a reservation.
  2026-04-16 18:02  Linda Chavez  Initial Issue
      The front office printer (Brother MFC) shows offline on both reception PCs. Patients are waiting on paperwork.

time entries
  30 min  remote  not charged  2026-04-16 19:55  Remote session: reset printer port, DHCP reservation

billing: 30 min not charged
EOF_

test_expect_success 'a number that is not cached: resolve it, then get it (two requests)' '
	sandbox_clear_requests &&
	syncro ticket 32161 >actual &&
	test_cmp 32161.expect actual &&
	sandbox_requests >requests &&
	cat >expect <<-\EOF_ &&
	GET /api/v1/tickets?number=32161
	GET /api/v1/tickets/108429977
	EOF_
	test_cmp expect requests
'

test_expect_success 'the same number again, as #N: one request, from the cached id' '
	sandbox_clear_requests &&
	syncro ticket "#32161" >actual &&
	test_cmp 32161.expect actual &&
	sandbox_requests >requests &&
	echo "GET /api/v1/tickets/108429977" >expect &&
	test_cmp expect requests
'

test_expect_success 'the ticket is in the cache with its current status' '
	grep "^32161	108429977	In Progress	34288075	Desert Sun Dental	Printer offline in front office	" \
		"$(cache_dir)/tickets.tsv"
'

test_expect_success 'no contact, no tech, nothing billed' '
	syncro ticket 32164 >actual &&
	cat >expect <<-\EOF_ &&
	#32164  Own cloud thing again
	status    New
	priority  2 Normal
	customer  Jerry Burger
	contact   none
	created   2026-04-20 01:31
	due       2026-04-23 01:31
	updated   2026-04-21 00:31
	tech      unassigned

	comments (1, newest first)
	  2026-04-20 01:38  Jerry Burger  Initial Issue
	      Hi, the own cloud thing on my computer is saying it can'"'"'t sync again. Same as last month. Can you take a look when you get a chance?

	billing: nothing billed
	EOF_
	test_cmp expect actual
'

test_expect_success 'hidden comments are marked; --comments N and all' '
	syncro ticket --comments 1 32160 >actual &&
	sed -n "/^comments/,/^$/p" actual >comments &&
	cat >expect <<-\EOF_ &&
	comments (latest 1 of 3; --comments all for every one)
	  2026-04-16 02:44  Priya Nair  [emailed anita@redrockcpa.example]  Update
	      Please let us know if you see the prompt again today.

	EOF_
	test_cmp expect comments &&
	syncro ticket --comments all 32160 >actual &&
	sed -n "/^comments/,/^$/p" actual >comments &&
	cat >expect <<-\EOF_ &&
	comments (3, newest first)
	  2026-04-16 02:44  Priya Nair  [emailed anita@redrockcpa.example]  Update
	      Please let us know if you see the prompt again today.
	  2026-04-15 21:44  Priya Nair  [hidden]  Update
	      Credential manager has a stale entry; cleared it. Waiting to see if the prompt comes back.
	  2026-04-15 17:37  Anita Shah  Initial Issue
	      Outlook on my desktop keeps popping up a password box every few minutes.

	EOF_
	test_cmp expect comments
'

test_expect_success 'the latest five comments by default' '
	for i in 1 2 3 4; do
		sandbox_curl --fail-with-body -H "Authorization: Bearer $TEST_API_KEY" \
			-H "Content-Type: application/json" \
			--data "{\"subject\":\"Note $i\",\"body\":\"note $i\",\"hidden\":true}" \
			"$SYNCRO_BASE_URL/tickets/108429712/comment" >/dev/null || return 1
	done &&
	syncro ticket 32160 >actual &&
	grep "^comments (latest 5 of 7; --comments all for every one)$" actual &&
	test $(grep -c "^  20" actual) = 5 &&
	test_grep_not "Initial Issue" actual &&
	syncro ticket --comments all 32160 >actual &&
	grep "^comments (7, newest first)$" actual &&
	grep "Initial Issue" actual
'

test_expect_success 'charged time and lines not yet invoiced' '
	syncro ticket 32153 >actual &&
	sed -n "/^time entries/,\$p" actual >billing &&
	cat >expect <<-\EOF_ &&
	time entries
	  60 min  Labor - Onsite Business  charged  2026-04-08 01:39  Onsite: replaced UPS battery

	labor lines
	  1.0 x  Labor - Onsite Business  Onsite: replaced UPS battery  150.00  not invoiced
	  0.5 x  Fee - Travel Time        Travel to Scottsdale           65.00  not invoiced

	billing: 2 lines charged, not invoiced
	EOF_
	test_cmp expect billing
'

test_expect_success 'an invoiced ticket' '
	syncro ticket 32154 >actual &&
	sed -n "/^labor lines/,\$p" actual >billing &&
	cat >expect <<-\EOF_ &&
	labor lines
	  3.0 x  Labor - Project  MFA rollout for 14 users  140.00  invoiced

	billing: 1 line invoiced
	EOF_
	test_cmp expect billing
'

test_expect_success 'a number that does not exist: exit 4, one request' '
	sandbox_clear_requests &&
	test_expect_code 4 syncro ticket 99999 >out 2>err &&
	test ! -s out &&
	echo "syncro: ticket #99999 not found" >expect &&
	test_cmp expect err &&
	sandbox_requests >requests &&
	echo "GET /api/v1/tickets?number=99999" >expect &&
	test_cmp expect requests
'

test_expect_success 'not a number, or none: usage errors (exit 2)' '
	test_expect_code 2 syncro ticket abc 2>err &&
	cat >expect <<-EOF &&
	syncro: ${SQ}abc${SQ} is not a ticket number (like 32164 or #32164)
	usage: syncro ticket [options] N
	   or: syncro ticket rm N [--force] [--dry-run] [--yes]   (syncro delete: delete it)
	run ${SQ}syncro ticket --help${SQ} for every option
	EOF
	test_cmp expect err &&
	syncro ticket -h >help &&
	grep -x "   or: syncro ticket rm N \[--force\] \[--dry-run\] \[--yes\]   (syncro delete: delete it)" help &&
	test_expect_code 2 syncro ticket 2>err &&
	test_expect_code 2 syncro ticket 1 2 2>err &&
	test_expect_code 2 syncro ticket --comments some 32161 2>err &&
	grep "'"'"'--comments'"'"' takes a number or '"'"'all'"'"'" err
'

test_expect_success '--json prints the ticket object' '
	sandbox_clear_requests &&
	syncro ticket --json 32161 >out.json &&
	jq -r "[.id, .number, .status, .customer.business_then_name, (.comments | length)] | @tsv" out.json >actual &&
	printf "108429977\t32161\tIn Progress\tDesert Sun Dental\t2\n" >expect &&
	test_cmp expect actual &&
	sandbox_requests >requests &&
	echo "GET /api/v1/tickets/108429977" >expect &&
	test_cmp expect requests
'

test_expect_success '--web without a terminal prints the URL and opens nothing' '
	mkdir bin &&
	write_script bin/xdg-open <<-EOF_ &&
	echo "\$@" >>"$PWD/opened"
	EOF_
	sandbox_clear_requests &&
	PATH="$PWD/bin:$PATH" syncro ticket --web 32161 >actual &&
	echo "$SANDBOX_URL/tickets/108429977" >expect &&
	test_cmp expect actual &&
	test ! -e opened &&
	sandbox_requests >requests &&
	test ! -s requests
'

test_expect_success '--web on a terminal opens the page with xdg-open' '
	rm -rf "$(cache_dir)" &&
	sandbox_clear_requests &&
	PATH="$PWD/bin:$PATH" script -qec "syncro ticket --web 32164" /dev/null >raw &&
	tr -d "\r" <raw >actual &&
	echo "$SANDBOX_URL/tickets/108430330" >expect &&
	test_cmp expect actual &&
	test_wait_for tickets opened &&
	test_cmp expect opened &&
	sandbox_requests >requests &&
	echo "GET /api/v1/tickets?number=32164" >expect &&
	test_cmp expect requests
'

# The opener returns at once but leaves the browser running, holding
# whatever it was given: the verb must not wait for it.
test_expect_success '--web does not wait for the browser the opener leaves running' '
	rm -f opened &&
	write_script bin/xdg-open <<-EOF_ &&
	sleep 5 &
	echo "\$@" >>"$PWD/opened"
	EOF_
	start=$(date +%s%N) &&
	PATH="$PWD/bin:$PATH" script -qec "syncro ticket --web 32164" /dev/null >raw &&
	end=$(date +%s%N) &&
	echo "took $(( (end - start) / 1000000 )) ms" &&
	test $(( (end - start) / 1000000 )) -lt 2000 &&
	tr -d "\r" <raw >actual &&
	echo "$SANDBOX_URL/tickets/108430330" >expect &&
	test_cmp expect actual &&
	test_wait_for tickets opened &&
	test_cmp expect opened
'

test_expect_success '--web with an opener that cannot run: a warning, the URL, exit 0' '
	rm -f opened &&
	printf "#!/nonexistent/interpreter\n" >bin/xdg-open &&
	PATH="$PWD/bin:$PATH" script -qec "syncro ticket --web 32164 2>err" /dev/null >raw &&
	tr -d "\r" <raw >actual &&
	echo "$SANDBOX_URL/tickets/108430330" >expect &&
	test_cmp expect actual &&
	echo "syncro: warning: cannot run ${SQ}xdg-open${SQ}: No such file or directory; open the page yourself" >expect &&
	test_cmp expect err
'

test_done
