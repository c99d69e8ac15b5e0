#!/bin/sh
test_description='create on a terminal: the customer first, a description, a picker that narrows'
. "$(dirname "$0")/../test-lib.sh"

: "${TEST_API_KEY:=test-key-6211}"
start_sandbox

# The body of the last POST /tickets, keys sorted.
body () {
	sandbox_requests_json | jq -S '.requests[-1].body'
}

test_expect_success 'on a terminal: the customer is checked before the subject, a description asked' '
	sandbox_clear_requests &&
	printf "nobody-at-all\n" |
		script -qec "syncro create; echo rc=\$?" /dev/null >out &&
	tr -d "\r" <out >actual &&
	grep "no customer matches" actual &&
	test_grep_not "Subject:" actual &&
	grep "^rc=4" actual &&
	printf "34288071\nPrinter jams\nIt jams on tray 2\n" |
		script -qec "syncro create" /dev/null >out &&
	tr -d "\r" <out | tail -n 2 | head -n 1 >actual &&
	grep "^Customer: Subject: Description \[\]: created #[0-9]* for LeeAnn Parkinson$" actual &&
	body >actual &&
	jq -r ".subject, .comments_attributes[0].body" actual >fields &&
	printf "%s\n" "Printer jams" "It jams on tray 2" >expect &&
	test_cmp expect fields
'

test_expect_success 'the customer picker narrows by typing a name' '
	sandbox_clear_requests &&
	printf "red\nPicked by name\n\n" |
		script -qec "syncro create --customer ha" /dev/null >out &&
	tr -d "\r" <out >actual &&
	grep "^Customer \[1-3, or type to narrow\]:   -> 34288080  Red Rock Accounting" actual &&
	grep "created #[0-9]* for Red Rock Accounting" actual
'

test_done
