#!/bin/sh
test_description='contrib/syncro-mine, the example third-party verb'
. "$(dirname "$0")/../test-lib.sh"

mkdir -p plugins
cp "$abs_top_srcdir/contrib/syncro-mine" plugins/
chmod 755 plugins plugins/syncro-mine
PATH="$TRASH_DIRECTORY/plugins:$PATH"

test_expect_success 'it is a verb, and answers completion through syncro' '
	syncro __complete mine -- >actual &&
	printf "%s\t%s\n" --json "print the tickets as a JSON array" \
		--help "show this help" >expect &&
	echo ":4" >>expect &&
	test_cmp expect actual &&
	syncro __complete mine --j >actual &&
	printf -- "--json\tprint the tickets as a JSON array\n:4\n" >expect &&
	test_cmp expect actual
'

test_expect_success '--help, and a usage error with exit 2' '
	syncro mine --help >actual &&
	head -n 1 actual >first &&
	echo "usage: syncro mine [--json]" >expect &&
	test_cmp expect first &&
	test_expect_code 2 syncro mine --bogus 2>err &&
	grep "unknown option '"'"'--bogus'"'"'" err
'

start_sandbox

test_expect_success 'it lists my open tickets, soonest due first, through syncro api' '
	syncro mine >actual &&
	tab=$(printf "\t") &&
	sed "s/$tab/|/g" actual >actual.bars &&
	cat >expect <<-\EOF &&
	#32120|2026-03-05|Waiting on Customer|Pinnacle Peak Realty|Annual network documentation review
	#32125|2026-03-11|In Progress|Mesa Verde Law Group|Quarterly server patching
	#32129|2026-03-15|Waiting for Parts|Saguaro Veterinary Clinic|New access point for exam rooms
	#32135|2026-03-22|Waiting on Customer|Red Rock Accounting|Email bouncing to one client domain
	#32143|2026-03-31|Waiting for Parts|Desert Sun Dental|Dental imaging PC blue screens
	#32144|2026-04-01|Customer Reply|LeeAnn Parkinson|iPhone not syncing company email
	#32156|2026-04-14|In Progress|Pinnacle Peak Realty|Website contact form not sending
	#32158|2026-04-16|Waiting on Customer|Copper State Logistics|Wi-Fi drops in the back warehouse
	#32161|2026-04-19|In Progress|Desert Sun Dental|Printer offline in front office
	EOF
	test_cmp expect actual.bars &&
	sandbox_requests >actual &&
	cat >expect <<-\EOF &&
	GET /api/v1/me
	GET /api/v1/tickets?user_id=74571&status=Not%20Closed&page=1&per_page=100
	EOF
	test_cmp expect actual
'

test_expect_success '--json prints the same tickets for scripts' '
	syncro mine --json | jq -r ".[].number" >actual &&
	printf "%s\n" 32120 32125 32129 32135 32143 32144 32156 32158 32161 >expect &&
	test_cmp expect actual
'

test_expect_success 'an API failure ends it with syncro'"'"'s exit code' '
	SYNCRO_API_KEY=wrong-key test_expect_code 3 syncro mine >out 2>err &&
	test ! -s out
'

test_done
