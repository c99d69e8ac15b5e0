#!/bin/sh
test_description='syncro customers [QUERY|ID]: matches, one customer with contacts and open tickets'
. "$(dirname "$0")/../test-lib.sh"

start_sandbox --max-per-page 4

test_expect_success 'every customer, every page' '
	sandbox_clear_requests &&
	syncro customers >actual &&
	cat >expect <<-\EOF_ &&
	34288070  Jerry Burger                jerry.burger@example.net         4805550142
	34288071  LeeAnn Parkinson            leeann.parkinson@example.com     4805550187
	34288072  Dolores Whitfield           dwhitfield@example.org           6025550119
	34288073  Tom Haskins                 tomhaskins@example.net           4805550163
	34288075  Desert Sun Dental           office@desertsundental.example   4805550100
	34288076  Mesa Verde Law Group        mreyes@mesaverdelaw.example      6025550133
	34288077  Copper State Logistics      it@copperstatelogistics.example  6235550170
	34288078  Saguaro Veterinary Clinic   frontdesk@saguarovet.example     4805550155
	34288079  Pinnacle Peak Realty        greg@pinnaclepeakrealty.example  4805550191
	34288080  Red Rock Accounting         anita@redrockcpa.example         4805550128
	34288081  Old Town Bakery (disabled)  hal@oldtownbakery.example        4805550104
	EOF_
	test_cmp expect actual &&
	sandbox_requests >requests &&
	cat >expect <<-\EOF_ &&
	GET /api/v1/customers?include_disabled=true&page=1&per_page=100
	GET /api/v1/customers?include_disabled=true&page=2&per_page=100
	GET /api/v1/customers?include_disabled=true&page=3&per_page=100
	EOF_
	test_cmp expect requests
'

test_expect_success 'the customers listed are offered by --customer completion' '
	syncro __complete create --customer "" >actual &&
	tab=$(printf "\t") &&
	cat >expect <<-EOF_ &&
	Copper State Logistics${tab}id 34288077
	Desert Sun Dental${tab}id 34288075
	Dolores Whitfield${tab}id 34288072
	Jerry Burger${tab}id 34288070
	LeeAnn Parkinson${tab}id 34288071
	Mesa Verde Law Group${tab}id 34288076
	Old Town Bakery${tab}id 34288081, disabled
	Pinnacle Peak Realty${tab}id 34288079
	Red Rock Accounting${tab}id 34288080
	Saguaro Veterinary Clinic${tab}id 34288078
	Tom Haskins${tab}id 34288073
	:4
	EOF_
	test_cmp expect actual &&
	syncro __complete create --customer D >actual &&
	printf "Desert Sun Dental\tid 34288075\nDolores Whitfield\tid 34288072\n:4\n" >expect &&
	test_cmp expect actual &&
	test_grep_not "@" "$(cache_dir)/customers.json"
'

test_expect_success 'a customer looked up by name is remembered too' '
	rm -rf "$(cache_dir)" &&
	syncro list --customer "red rock" >/dev/null &&
	sed "s/\"fetched_at\":[0-9]*/\"fetched_at\":T/" "$(cache_dir)/customers.json" >actual &&
	printf "%s" "{\"fetched_at\":T,\"data\":[{\"id\":34288080,\"business_then_name\":\"Red Rock Accounting\"}]}" >expect &&
	test_cmp expect actual
'

test_expect_success 'a query' '
	sandbox_clear_requests &&
	syncro customers "red rock" >actual &&
	echo "34288080  Red Rock Accounting  anita@redrockcpa.example  4805550128" >expect &&
	test_cmp expect actual &&
	sandbox_requests >requests &&
	echo "GET /api/v1/customers?query=red+rock&include_disabled=true&page=1&per_page=100" >expect &&
	test_cmp expect requests
'

test_expect_success 'no match is an answer: nothing on stdout, a note on stderr, exit 0' '
	syncro customers zzzz >out 2>err &&
	test ! -s out &&
	echo "no customers match '"'"'zzzz'"'"'" >expect &&
	test_cmp expect err &&
	syncro customers --json zzzz >out.json &&
	echo "[]" >expect.json &&
	jq -c . out.json >actual.json &&
	test_cmp expect.json actual.json
'

test_expect_success '--json: the customers of every page in one array' '
	syncro customers --json >out.json &&
	jq -r ".[] | [.id, .business_then_name] | @tsv" out.json >actual &&
	syncro customers | sed "s/ (disabled)//; s/^\([0-9]*\)  \(.*[a-z]\)  *[^ ]*@.*/\1	\2/" >expect &&
	test_cmp expect actual
'

test_expect_success 'one customer: contacts and open tickets' '
	sandbox_clear_requests &&
	syncro customers 34288075 >actual &&
	cat >expect <<-\EOF_ &&
	Desert Sun Dental
	id            34288075
	email         office@desertsundental.example
	phone         4805550100
	prepay hours  0.0

	contacts
	  Linda Chavez   Office Manager  linda@desertsundental.example   4805550100
	  Dr. Raj Patel  Owner           rpatel@desertsundental.example  4805550101

	open invoices
	none

	open tickets
	#32161  In Progress        Desert Sun Dental  Printer offline in front office
	#32143  Waiting for Parts  Desert Sun Dental  Dental imaging PC blue screens
	EOF_
	test_cmp expect actual &&
	sandbox_requests >requests &&
	cat >expect <<-\EOF_ &&
	GET /api/v1/customers/34288075
	GET /api/v1/tickets?customer_id=34288075&status=Not+Closed&page=1&per_page=100
	EOF_
	test_cmp expect requests
'

test_expect_success 'a customer without open tickets or contacts' '
	syncro customers 34288070 >actual &&
	cat >expect <<-\EOF_ &&
	Jerry Burger
	id            34288070
	email         jerry.burger@example.net
	phone         4805550142
	prepay hours  0.0

	contacts: none

	open invoices
	none

	open tickets
	#32164  New  Jerry Burger  Own cloud thing again
	EOF_
	test_cmp expect actual
'

test_expect_success 'one customer as JSON' '
	sandbox_clear_requests &&
	syncro customers --json 34288075 >out.json &&
	jq -r "[.id, .business_then_name, (.contacts | length)] | @tsv" out.json >actual &&
	printf "34288075\tDesert Sun Dental\t2\n" >expect &&
	test_cmp expect actual &&
	sandbox_requests >requests &&
	echo "GET /api/v1/customers/34288075" >expect &&
	test_cmp expect requests
'

test_expect_success 'an id that does not exist: exit 4' '
	test_expect_code 4 syncro customers 1 >out 2>err &&
	echo "syncro: customer 1 not found" >expect &&
	test_cmp expect err
'

test_expect_success 'two queries: a usage error' '
	test_expect_code 2 syncro customers red rock 2>err &&
	grep "quote a name with spaces" err
'

test_done
