#!/bin/sh
test_description='syncro list over more tickets than it keeps: printed page by page, aligned as one table'
. "$(dirname "$0")/../test-lib.sh"

# 1,250 open tickets (copies of the demo's open ones, numbers 100001 up),
# all New: past the 1,000 rows list keeps, so the rest is printed as it
# comes, and the status column is as wide as the widest status the account
# has although no row has it.
jq '
	[.tickets[] | select(.status != "Resolved" and .status != "Invoiced")] as $t |
	.tickets = [range(0; 1250) as $i | $t[$i % ($t | length)] |
		.id = 400000000 + $i | .number = 100001 + $i | .status = "New" |
		.subject = "\(.subject) (\($i + 1))" | .comments = []]
' "$abs_top_srcdir/sandbox/demo.json" >long.json &&
start_sandbox --data long.json

# The summary lines by hand from the API objects (list --json), newest
# first: #NUMBER, the status padded to the widest status, the customer cut
# (with an ellipsis) and padded to 24, the subject cut to $1 columns (0: not).
expected_lines () {
	jq -r --argjson w "$1" '
		def pad($n): . + " " * ($n - length);
		def cut($n): if $n > 0 and length > $n then .[:$n - 1] + "…" else . end;
		sort_by(-.number)[] |
		"#\(.number)  \(.status | pad(19))  \(.customer_business_then_name | cut(24) | pad(24))  \(.subject | cut($w))"
	' list.json
}

test_expect_success 'every ticket, one request a page, in one set of widths' '
	syncro list --json >list.json &&
	test $(jq length list.json) = 1250 &&
	expected_lines 0 >expect &&
	sandbox_clear_requests &&
	syncro list >actual &&
	test_cmp expect actual &&
	sandbox_requests >requests.raw &&
	sort -V requests.raw >requests &&
	for p in $(seq 1 13); do
		echo "GET /api/v1/tickets?status=Not+Closed&page=$p&per_page=100"
	done >expect &&
	test_cmp expect requests
'

test_expect_success 'COLUMNS cuts the subject of the rows printed as they come, too' '
	expected_lines 24 >expect &&
	COLUMNS=80 syncro list >actual &&
	test_cmp expect actual
'

test_expect_success 'with the settings cached, their widest status sets the width' '
	syncro list --status new --limit 1 >/dev/null &&
	syncro list >actual &&
	expected_lines 0 >expect &&
	test_cmp expect actual
'

test_expect_success 'a short list keeps its own widths' '
	syncro list --limit 3 >actual &&
	jq -r "sort_by(-.number)[:3][] | \"#\(.number)  New  \"" list.json >expect &&
	cut -c1-14 actual >prefixes &&
	test_cmp expect prefixes
'

test_done
