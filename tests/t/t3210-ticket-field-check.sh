#!/bin/sh
test_description='create and update check --priority and --problem-type against the account settings'
. "$(dirname "$0")/../test-lib.sh"

start_sandbox

# The last request is a PUT of #32164 with body $1 (compact JSON), and the
# only one but reading the ticket: nothing else was asked or written.
put_alone_with () {
	sandbox_requests_json | jq -c ".requests[-1].body" >actual &&
	echo "$1" >expect &&
	test_cmp expect actual &&
	sandbox_requests | grep -v "^GET /api/v1/tickets" >requests &&
	echo "PUT /api/v1/tickets/108430330" >expect &&
	test_cmp expect requests
}

test_expect_success 'update: an unknown priority is refused with did-you-mean (exit 2), nothing written' '
	sandbox_clear_requests &&
	test_expect_code 2 syncro update 32164 --priority urgent 2>err &&
	cat >expect <<-\EOF &&
	syncro: unknown priority '\''urgent'\'' for --priority; did you mean '\''0 Urgent'\''?
	valid priorities: 0 Urgent, 1 High, 2 Normal, 3 Low
	EOF
	test_cmp expect err &&
	echo "GET /api/v1/settings" >expect &&
	sandbox_requests >requests &&
	test_cmp expect requests
'

test_expect_success 'update: the account settings are cached; an unknown problem type asks nothing' '
	sandbox_clear_requests &&
	test_expect_code 2 syncro update 32164 --problem-type hardwre 2>err &&
	cat >expect <<-\EOF &&
	syncro: unknown problem type '\''hardwre'\'' for --problem-type; did you mean '\''Hardware'\''?
	valid problem types: Email, Hardware, Network, Software, Other
	EOF
	test_cmp expect err &&
	sandbox_requests >requests &&
	test ! -s requests
'

test_expect_success 'create: an unknown priority is refused before the POST' '
	sandbox_clear_requests &&
	test_expect_code 2 syncro create --customer 34288075 --subject "Label printer" \
		--priority hihg </dev/null 2>err &&
	cat >expect <<-\EOF &&
	syncro: unknown priority '\''hihg'\'' for --priority; did you mean '\''1 High'\''?
	valid priorities: 0 Urgent, 1 High, 2 Normal, 3 Low
	EOF
	test_cmp expect err &&
	sandbox_requests >requests &&
	! grep -v "^GET " requests
'

test_expect_success 'create: nothing close, no did-you-mean; refused before the POST' '
	sandbox_clear_requests &&
	test_expect_code 2 syncro create --customer 34288075 --subject "Label printer" \
		--problem-type virus </dev/null 2>err &&
	cat >expect <<-\EOF &&
	syncro: unknown problem type '\''virus'\'' for --problem-type
	valid problem types: Email, Hardware, Network, Software, Other
	EOF
	test_cmp expect err &&
	sandbox_requests >requests &&
	! grep -v "^GET " requests
'

test_expect_success 'the account spelling is sent whatever the case typed' '
	sandbox_clear_requests &&
	syncro update 32164 --priority "0 URGENT" --problem-type network >/dev/null &&
	put_alone_with '\''{"priority":"0 Urgent","problem_type":"Network"}'\''
'

test_expect_success 'an empty priority clears it when the account allows none' '
	sandbox_clear_requests &&
	syncro update 32164 --priority "" >/dev/null &&
	put_alone_with '\''{"priority":""}'\''
'

test_expect_success 'an account whose settings list no priorities: sent as typed' '
	printf "{\"fetched_at\":%s,\"data\":{}}" "$(date +%s)" \
		>"$(cache_dir)/account-ticket-settings.json" &&
	sandbox_clear_requests &&
	syncro update 32164 --priority P1 --problem-type Anything >/dev/null &&
	put_alone_with '\''{"priority":"P1","problem_type":"Anything"}'\''
'

test_done
