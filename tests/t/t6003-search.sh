#!/bin/sh
test_description='syncro search TEXT: tickets of every status, newest first, --limit, --json'
. "$(dirname "$0")/../test-lib.sh"

start_sandbox --max-per-page 2

test_expect_success 'search finds tickets of every status by subject, every page' '
	sandbox_clear_requests &&
	syncro search printer >actual &&
	cat >expect <<-\EOF_ &&
	#32161  In Progress     Desert Sun Dental         Printer offline in front office
	#32151  Scheduled       Saguaro Veterinary Clin…  Add new printer to all workstations
	#32137  Scheduled       Dolores Whitfield         Printer jams on every tray 2 job
	#32134  Resolved        Desert Sun Dental         Replace toner and clean printer
	#32131  Customer Reply  Copper State Logistics    Label printer prints blank labels
	EOF_
	test_cmp expect actual &&
	# pages 2 and 3 go out at once, so in either order
	sandbox_requests | sort >requests &&
	cat >expect <<-\EOF_ &&
	GET /api/v1/tickets?query=printer&page=1&per_page=100
	GET /api/v1/tickets?query=printer&page=2&per_page=100
	GET /api/v1/tickets?query=printer&page=3&per_page=100
	EOF_
	test_cmp expect requests
'

test_expect_success 'by customer and by number; the longest word goes to the API' '
	sandbox_clear_requests &&
	syncro search own cloud >actual &&
	cat >expect <<-\EOF_ &&
	#32164  New       Jerry Burger  Own cloud thing again
	#32128  Resolved  Jerry Burger  Own cloud sync conflicts
	EOF_
	test_cmp expect actual &&
	syncro search parkinson | cut -c1-6 >actual &&
	printf "%s\n" "#32163" "#32144" >expect &&
	test_cmp expect actual &&
	syncro search "#32154" >actual &&
	echo "#32154  Invoiced  Copper State Logistics  Set up MFA for all staff" >expect &&
	test_cmp expect actual &&
	sandbox_requests >requests &&
	cat >expect <<-\EOF_ &&
	GET /api/v1/tickets?query=cloud&page=1&per_page=100
	GET /api/v1/tickets?query=parkinson&page=1&per_page=100
	GET /api/v1/tickets?query=%2332154&page=1&per_page=100
	EOF_
	test_cmp expect requests
'

test_expect_success '--limit stops paging' '
	sandbox_clear_requests &&
	syncro search --limit 2 printer >actual &&
	test $(wc -l <actual) = 2 &&
	sandbox_requests >requests &&
	echo "GET /api/v1/tickets?query=printer&page=1&per_page=100" >expect &&
	test_cmp expect requests
'

test_expect_success '--json: one array of every page, for jq' '
	syncro search --json printer >out.json &&
	jq -r ".[].number" out.json >actual &&
	printf "%s\n" 32161 32151 32137 32134 32131 >expect &&
	test_cmp expect actual
'

test_expect_success 'nothing found prints nothing; the cache gets what was found' '
	syncro search zzzz >actual 2>err &&
	test ! -s actual &&
	echo "no tickets match '"'"'zzzz'"'"'" >expect &&
	test_cmp expect err &&
	grep "^32134	108423301	Resolved	" "$(cache_dir)/tickets.tsv"
'

test_expect_success 'no text is a usage error, nothing sent' '
	sandbox_clear_requests &&
	test_expect_code 2 syncro search 2>err &&
	grep "give some text" err &&
	test_expect_code 2 syncro search " " 2>err &&
	sandbox_requests >requests &&
	test ! -s requests
'

test_expect_success 'every word, in any order, in the subject or customer' '
	sandbox_clear_requests &&
	syncro search "Outlook password" >actual &&
	echo "#32160  In Progress  Red Rock Accounting  Outlook keeps asking for password" >expect &&
	test_cmp expect actual &&
	syncro search password outlook >actual &&
	test_cmp expect actual &&
	syncro search red outlook >actual &&
	test_cmp expect actual &&
	sandbox_requests >requests &&
	cat >expect <<-\EOF_ &&
	GET /api/v1/tickets?query=password&page=1&per_page=100
	GET /api/v1/tickets?query=password&page=1&per_page=100
	GET /api/v1/tickets?query=outlook&page=1&per_page=100
	EOF_
	test_cmp expect requests &&
	syncro search outlook nowhere >actual 2>err &&
	test ! -s actual &&
	echo "no tickets match '"'"'outlook nowhere'"'"'" >expect &&
	test_cmp expect err
'

test_expect_success '--status and --customer narrow the search' '
	syncro search --status Resolved printer >actual &&
	cat >expect <<-\EOF_ &&
	#32134  Resolved  Desert Sun Dental  Replace toner and clean printer
	EOF_
	test_cmp expect actual &&
	syncro search --customer "Desert Sun Dental" printer >actual &&
	cat >expect <<-\EOF_ &&
	#32161  In Progress  Desert Sun Dental  Printer offline in front office
	#32134  Resolved     Desert Sun Dental  Replace toner and clean printer
	EOF_
	test_cmp expect actual &&
	sandbox_clear_requests &&
	syncro search --status resolved printer >/dev/null &&
	sandbox_requests >requests &&
	grep -x "GET /api/v1/tickets?query=printer&status=Resolved&page=1&per_page=100" requests
'

test_expect_success '--all is every status; with --status a usage error' '
	syncro search printer >expect &&
	syncro search --all printer >actual &&
	test_cmp expect actual &&
	test_expect_code 2 syncro search --all --status Resolved printer 2>err &&
	grep "cannot go together" err
'

test_expect_success 'an unknown status: did you mean, nothing searched' '
	sandbox_clear_requests &&
	test_must_fail syncro search --status Resolvd printer 2>err &&
	grep "Resolved" err &&
	sandbox_requests >requests &&
	test_grep_not "query=" requests
'

test_done
