#!/bin/sh
test_description='syncro list: the open tickets, every page, filters, --limit, --json, the cache'
. "$(dirname "$0")/../test-lib.sh"

# Ten tickets a page at most, whatever per_page asks: list must page.
start_sandbox --max-per-page 10
# Wednesday 2026-04-22 10:00 UTC: the ages and what is overdue.
SYNCRO_TEST_NOW=1776852000
export SYNCRO_TEST_NOW

# The open tickets of the demo data: no Resolved, Invoiced or Closed ones.
cat >open.expect <<\EOF_
#32164  New                  2 Normal  -            2026-04-23    2d  Jerry Burger              Own cloud thing again
#32163  New                  3 Low     -            2026-04-22!   3d  LeeAnn Parkinson          Remote - Jim cant access his email
#32162  Scheduled            2 Normal  Sam Ortega   2026-04-20!   4d  Mesa Verde Law Group      New hire laptop setup for Sofia
#32161  In Progress          1 High    Mike Ritter  2026-04-19!   5d  Desert Sun Dental         Printer offline in front office
#32160  In Progress          2 Normal  Priya Nair   2026-04-18!   6d  Red Rock Accounting       Outlook keeps asking for password
#32159  Waiting for Parts    3 Low     Sam Ortega   2026-04-17!   7d  Saguaro Veterinary Clin…  Replace failing SSD in reception PC
#32158  Waiting on Customer  2 Normal  Mike Ritter  2026-04-16!   8d  Copper State Logistics    Wi-Fi drops in the back warehouse
#32157  Customer Reply       1 High    Priya Nair   2026-04-15!   9d  Red Rock Accounting       QuickBooks won't open company file
#32156  In Progress          2 Normal  Mike Ritter  2026-04-14!  11d  Pinnacle Peak Realty      Website contact form not sending
#32151  Scheduled            3 Low     Sam Ortega   2026-04-08!  16d  Saguaro Veterinary Clin…  Add new printer to all workstations
#32149  New                  1 High    -            2026-04-06!  18d  Red Rock Accounting       Backup failed last night
#32148  Waiting on Customer  2 Normal  Priya Nair   2026-04-05!  19d  Tom Haskins               Second monitor not detected
#32146  In Progress          2 Normal  Sam Ortega   2026-04-03!  22d  Copper State Logistics    VPN won't connect from home
#32144  Customer Reply       2 Normal  Mike Ritter  2026-04-01!  24d  LeeAnn Parkinson          iPhone not syncing company email
#32143  Waiting for Parts    3 Low     Mike Ritter  2026-03-31!  25d  Desert Sun Dental         Dental imaging PC blue screens
#32139  Waiting on Customer  3 Low     Priya Nair   2026-03-26!  29d  Mesa Verde Law Group      Teams calls echoing in conference room
#32137  Scheduled            1 High    Sam Ortega   2026-03-24!  31d  Dolores Whitfield         Printer jams on every tray 2 job
#32136  New                  2 Normal  -            2026-03-23!  33d  Saguaro Veterinary Clin…  Windows 11 upgrade for front desk
#32135  Waiting on Customer  3 Low     Mike Ritter  2026-03-22!  34d  Red Rock Accounting       Email bouncing to one client domain
#32131  Customer Reply       3 Low     Sam Ortega   2026-03-17!  38d  Copper State Logistics    Label printer prints blank labels
#32129  Waiting for Parts    1 High    Mike Ritter  2026-03-15!  40d  Saguaro Veterinary Clin…  New access point for exam rooms
#32126  Scheduled            2 Normal  Priya Nair   2026-03-12!  44d  Dolores Whitfield         Check why internet is slow
#32125  In Progress          1 High    Mike Ritter  2026-03-11!  45d  Mesa Verde Law Group      Quarterly server patching
#32124  New                  2 Normal  -            2026-03-10!  46d  Copper State Logistics    Camera system can't be viewed remotely
#32123  In Progress          3 Low     Priya Nair   2026-03-09!  47d  Red Rock Accounting       Migrate old file server to SharePoint
#32121  Customer Reply       1 High    Sam Ortega   2026-03-06!  49d  Copper State Logistics    Tablet for dispatch - setup and MDM
#32120  Waiting on Customer  2 Normal  Mike Ritter  2026-03-05!  50d  Pinnacle Peak Realty      Annual network documentation review
EOF_

# Not Closed leaves out Resolved only: 34 tickets, four pages of ten.
# Pages after the first go out at once, and may be answered in any order.
cat >open-requests.expect <<\EOF_
GET /api/v1/tickets?status=Not+Closed&page=1&per_page=100
GET /api/v1/tickets?status=Not+Closed&page=2&per_page=100
GET /api/v1/tickets?status=Not+Closed&page=3&per_page=100
GET /api/v1/tickets?status=Not+Closed&page=4&per_page=100
EOF_

test_expect_success 'list shows every open ticket, one request per page' '
	sandbox_clear_requests &&
	syncro list >actual &&
	test_cmp open.expect actual &&
	sandbox_requests >requests.raw &&
	sort -V requests.raw >requests &&
	test_cmp open-requests.expect requests
'

test_expect_success 'bare syncro is syncro list' '
	sandbox_clear_requests &&
	syncro >actual &&
	test_cmp open.expect actual &&
	sandbox_requests >requests.raw &&
	sort -V requests.raw >requests &&
	test_cmp open-requests.expect requests
'

test_expect_success 'the tickets come into the cache, Invoiced ones too' '
	cut -f1,2,3 "$(cache_dir)/tickets.tsv" >cache &&
	test $(wc -l <cache) = 34 &&
	grep "^32164	108430330	New$" cache &&
	grep "^32154	108428233	Invoiced$" cache &&
	test_grep_not "	Resolved$" cache
'

test_expect_success 'a cached ticket that is no longer open is dropped; done ones stay' '
	printf "32200\t1\tNew\t1\tGone\tDeleted meanwhile\tx\n32100\t2\tResolved\t1\tOld\tStill here\tx\n" \
		>>"$(cache_dir)/tickets.tsv" &&
	syncro list >/dev/null &&
	cut -f1 "$(cache_dir)/tickets.tsv" >numbers &&
	test_grep_not "^32200$" numbers &&
	grep "^32100$" numbers &&
	test $(wc -l <numbers) = 35
'

test_expect_success 'COLUMNS cuts the subject first, with an ellipsis; --limit stops paging' '
	sandbox_clear_requests &&
	COLUMNS=110 syncro list --limit 3 >actual &&
	cat >expect <<-\EOF_ &&
	#32164  New        2 Normal  -           2026-04-23   2d  Jerry Burger          Own cloud thing again
	#32163  New        3 Low     -           2026-04-22!  3d  LeeAnn Parkinson      Remote - Jim cant access his …
	#32162  Scheduled  2 Normal  Sam Ortega  2026-04-20!  4d  Mesa Verde Law Group  New hire laptop setup for Sof…
	EOF_
	test_cmp expect actual &&
	sandbox_requests >requests &&
	echo "GET /api/v1/tickets?status=Not+Closed&page=1&per_page=100" >expect &&
	test_cmp expect requests
'

test_expect_success '--limit past the first page asks for the second and no more' '
	sandbox_clear_requests &&
	syncro list -n 12 >actual &&
	head -n 12 open.expect >expect &&
	test_cmp expect actual &&
	sandbox_requests >requests &&
	head -n 2 open-requests.expect >expect &&
	test_cmp expect requests
'

test_expect_success '--status, repeated: one request stream each, merged newest first' '
	sandbox_clear_requests &&
	syncro list --status "waiting for parts" -s new >actual &&
	cat >expect <<-\EOF_ &&
	#32164  New                2 Normal  -            2026-04-23    2d  Jerry Burger              Own cloud thing again
	#32163  New                3 Low     -            2026-04-22!   3d  LeeAnn Parkinson          Remote - Jim cant access his email
	#32159  Waiting for Parts  3 Low     Sam Ortega   2026-04-17!   7d  Saguaro Veterinary Clin…  Replace failing SSD in reception PC
	#32149  New                1 High    -            2026-04-06!  18d  Red Rock Accounting       Backup failed last night
	#32143  Waiting for Parts  3 Low     Mike Ritter  2026-03-31!  25d  Desert Sun Dental         Dental imaging PC blue screens
	#32136  New                2 Normal  -            2026-03-23!  33d  Saguaro Veterinary Clin…  Windows 11 upgrade for front desk
	#32129  Waiting for Parts  1 High    Mike Ritter  2026-03-15!  40d  Saguaro Veterinary Clin…  New access point for exam rooms
	#32124  New                2 Normal  -            2026-03-10!  46d  Copper State Logistics    Camera system can'"'"'t be viewed remotely
	EOF_
	test_cmp expect actual &&
	sandbox_requests >requests &&
	cat >expect <<-\EOF_ &&
	GET /api/v1/tickets/settings
	GET /api/v1/tickets?status=Waiting+for+Parts&page=1&per_page=100
	GET /api/v1/tickets?status=New&page=1&per_page=100
	EOF_
	test_cmp expect requests
'

test_expect_success '--status of a done status shows it; the settings come from the cache' '
	sandbox_clear_requests &&
	syncro list --status Invoiced >actual &&
	test $(wc -l <actual) = 7 &&
	test_grep_not -v "  Invoiced  " actual &&
	sandbox_requests >requests &&
	echo "GET /api/v1/tickets?status=Invoiced&page=1&per_page=100" >expect &&
	test_cmp expect requests
'

test_expect_success 'an unknown --status is exit 2 with the valid ones, and no ticket request' '
	sandbox_clear_requests &&
	test_expect_code 2 syncro list --status "in progres" >out 2>err &&
	test ! -s out &&
	cat >expect <<-\EOF_ &&
	syncro: unknown status '"'"'in progres'"'"' for --status; did you mean '"'"'In Progress'"'"'?
	valid statuses: New, In Progress, Resolved, Invoiced, Waiting for Parts, Waiting on Customer, Scheduled, Customer Reply
	EOF_
	test_cmp expect err &&
	sandbox_requests >requests &&
	test ! -s requests
'

test_expect_success '--all shows every status, every page' '
	sandbox_clear_requests &&
	syncro list --all >actual &&
	test $(wc -l <actual) = 45 &&
	grep "^#32153  Resolved  " actual &&
	sandbox_requests >requests.raw &&
	sort -V requests.raw >requests &&
	cat >expect <<-\EOF_ &&
	GET /api/v1/tickets?page=1&per_page=100
	GET /api/v1/tickets?page=2&per_page=100
	GET /api/v1/tickets?page=3&per_page=100
	GET /api/v1/tickets?page=4&per_page=100
	GET /api/v1/tickets?page=5&per_page=100
	EOF_
	test_cmp expect requests
'

test_expect_success '--mine' '
	sandbox_clear_requests &&
	syncro list --mine >actual &&
	cat >expect <<-\EOF_ &&
	#32161  In Progress          1 High    Mike Ritter  2026-04-19!   5d  Desert Sun Dental         Printer offline in front office
	#32158  Waiting on Customer  2 Normal  Mike Ritter  2026-04-16!   8d  Copper State Logistics    Wi-Fi drops in the back warehouse
	#32156  In Progress          2 Normal  Mike Ritter  2026-04-14!  11d  Pinnacle Peak Realty      Website contact form not sending
	#32144  Customer Reply       2 Normal  Mike Ritter  2026-04-01!  24d  LeeAnn Parkinson          iPhone not syncing company email
	#32143  Waiting for Parts    3 Low     Mike Ritter  2026-03-31!  25d  Desert Sun Dental         Dental imaging PC blue screens
	#32135  Waiting on Customer  3 Low     Mike Ritter  2026-03-22!  34d  Red Rock Accounting       Email bouncing to one client domain
	#32129  Waiting for Parts    1 High    Mike Ritter  2026-03-15!  40d  Saguaro Veterinary Clin…  New access point for exam rooms
	#32125  In Progress          1 High    Mike Ritter  2026-03-11!  45d  Mesa Verde Law Group      Quarterly server patching
	#32120  Waiting on Customer  2 Normal  Mike Ritter  2026-03-05!  50d  Pinnacle Peak Realty      Annual network documentation review
	EOF_
	test_cmp expect actual &&
	sandbox_requests >requests &&
	cat >expect <<-\EOF_ &&
	GET /api/v1/tickets?status=Not+Closed&mine=true&page=1&per_page=100
	GET /api/v1/tickets?status=Not+Closed&mine=true&page=2&per_page=100
	EOF_
	test_cmp expect requests
'

test_expect_success '--customer NAME looks the customer up once; an id needs no lookup' '
	sandbox_clear_requests &&
	syncro list --customer desert >actual &&
	cat >expect <<-\EOF_ &&
	#32161  In Progress        1 High  Mike Ritter  2026-04-19!   5d  Desert Sun Dental  Printer offline in front office
	#32143  Waiting for Parts  3 Low   Mike Ritter  2026-03-31!  25d  Desert Sun Dental  Dental imaging PC blue screens
	EOF_
	test_cmp expect actual &&
	syncro list --customer 34288075 >actual &&
	test_cmp expect actual &&
	sandbox_requests >requests &&
	cat >expect <<-\EOF_ &&
	GET /api/v1/customers?query=desert&include_disabled=true
	GET /api/v1/tickets?status=Not+Closed&customer_id=34288075&page=1&per_page=100
	GET /api/v1/tickets?status=Not+Closed&customer_id=34288075&page=1&per_page=100
	EOF_
	test_cmp expect requests
'

test_expect_success '--tech NAME from the cached settings, --tech me from /me' '
	sandbox_clear_requests &&
	syncro list --tech priya >actual &&
	cat >expect <<-\EOF_ &&
	#32160  In Progress          2 Normal  Priya Nair  2026-04-18!   6d  Red Rock Accounting   Outlook keeps asking for password
	#32157  Customer Reply       1 High    Priya Nair  2026-04-15!   9d  Red Rock Accounting   QuickBooks won'"'"'t open company file
	#32148  Waiting on Customer  2 Normal  Priya Nair  2026-04-05!  19d  Tom Haskins           Second monitor not detected
	#32139  Waiting on Customer  3 Low     Priya Nair  2026-03-26!  29d  Mesa Verde Law Group  Teams calls echoing in conference room
	#32126  Scheduled            2 Normal  Priya Nair  2026-03-12!  44d  Dolores Whitfield     Check why internet is slow
	#32123  In Progress          3 Low     Priya Nair  2026-03-09!  47d  Red Rock Accounting   Migrate old file server to SharePoint
	EOF_
	test_cmp expect actual &&
	syncro list --tech me --status new >actual &&
	test ! -s actual &&
	sandbox_requests >requests &&
	cat >expect <<-\EOF_ &&
	GET /api/v1/tickets?status=Not+Closed&user_id=74573&page=1&per_page=100
	GET /api/v1/me
	GET /api/v1/tickets?status=New&user_id=74571&page=1&per_page=100
	EOF_
	test_cmp expect requests
'

test_expect_success '--json: the objects of every page in one array, for jq' '
	sandbox_clear_requests &&
	syncro list --json >out.json &&
	jq -r ".[] | \"#\(.number)\"" out.json >actual &&
	cut -c1-6 open.expect >expect &&
	test_cmp expect actual &&
	jq -e ".[0].id == 108430330 and .[0].customer_business_then_name == \"Jerry Burger\"" out.json &&
	sandbox_requests >requests.raw &&
	sort -V requests.raw >requests &&
	test_cmp open-requests.expect requests
'

test_expect_success '--json with nothing to show is an empty array' '
	syncro list --json --tech me --status new >actual &&
	echo "[]" >expect &&
	test_cmp expect actual
'

test_expect_success 'on a terminal: colour by status and the count at the end' '
	SYNCRO_COLOR=always COLUMNS=200 script -qec "syncro list --limit 2" /dev/null >raw &&
	tr -d "\r" <raw >actual &&
	printf "#32164  \033[1;33mNew\033[m  2 Normal  -  2026-04-23   2d  Jerry Burger      Own cloud thing again\n#32163  \033[1;33mNew\033[m  3 Low     -  \033[31m2026-04-22!\033[m  3d  LeeAnn Parkinson  Remote - Jim cant access his email\n2 open tickets\n" >expect &&
	test_cmp expect actual &&
	SYNCRO_COLOR=never script -qec "syncro list --status Invoiced" /dev/null >raw &&
	tr -d "\r" <raw | tail -n 1 >actual &&
	echo "7 tickets" >expect &&
	test_cmp expect actual
'

test_expect_success 'no count line when stdout is not a terminal' '
	syncro list --limit 1 >actual &&
	echo "#32164  New  2 Normal  -  2026-04-23  2d  Jerry Burger  Own cloud thing again" >expect &&
	test_cmp expect actual
'

test_expect_success 'syncro __refresh-cache: every open ticket in one write, the stale ones dropped' '
	rm -rf "$(cache_dir)" &&
	mkdir -p "$(cache_dir)" &&
	printf "32200\t1\tNew\t1\tGone\tDeleted meanwhile\tx\n" >"$(cache_dir)/tickets.tsv" &&
	touch -d "2000-01-01" "$(cache_dir)/tickets.tsv" &&
	sandbox_clear_requests &&
	syncro __refresh-cache >out 2>err &&
	test ! -s out && test ! -s err &&
	cut -f1 "$(cache_dir)/tickets.tsv" >numbers &&
	test $(wc -l <numbers) = 45 &&
	test_grep_not "^32200$" numbers &&
	sandbox_requests | sed "s/since_updated_at=[^&]*/since_updated_at=T/" >requests &&
	{
		echo "GET /api/v1/tickets/settings" &&
		cat open-requests.expect &&
		for p in 1 2 3 4 5; do
			echo "GET /api/v1/tickets?since_updated_at=T&page=$p&per_page=100"
		done
	} >expect &&
	test_cmp expect requests
'

test_expect_success 'options that cannot go together are usage errors (exit 2), nothing sent' '
	sandbox_clear_requests &&
	test_expect_code 2 syncro list --all --status New 2>err &&
	grep "'"'"'--all'"'"' and '"'"'--status'"'"' cannot go together" err &&
	test_expect_code 2 syncro list --mine --tech priya 2>err &&
	test_expect_code 2 syncro list extra 2>err &&
	test_expect_code 2 syncro list --limit -1 2>err &&
	sandbox_requests >requests &&
	test ! -s requests
'

test_done
