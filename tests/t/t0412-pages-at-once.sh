#!/bin/sh
test_description='pages at once: the pages a list already knows are fetched concurrently, printed in order'
. "$(dirname "$0")/../test-lib.sh"

start_sandbox --max-per-page 10

test_expect_success 'list --all: the pages after the first go out at once, output in page order' '
	syncro list --all >expect &&
	test $(wc -l <expect) = 45 &&
	sandbox_clear_requests &&
	sandbox_fail "{\"path\":\"/api/v1/tickets\",\"delay_ms\":600,\"count\":5}" &&
	start=$(date +%s.%N) &&
	syncro list --all -v >actual 2>trace &&
	end=$(date +%s.%N) &&
	test_cmp expect actual &&
	test "$(sandbox_requests | wc -l)" = 5 &&
	test "$(grep -c "^\* Connected to " trace)" -ge 2 &&
	awk -v s="$start" -v e="$end" "BEGIN { printf \"took %.2f s\\n\", e - s; exit !(e - s < 2.4) }" >&2
'

test_expect_success 'list --limit still asks for no page it does not need' '
	sandbox_clear_requests &&
	syncro list --all --limit 15 >actual &&
	test "$(sandbox_requests | wc -l)" = 2
'

test_expect_success 'reads at once: one that gets a 500 is retried alone, the others kept' '
	sandbox_clear_requests &&
	sandbox_fail "{\"path\":\"/api/v1/me\",\"status\":500,\"count\":1,\"body\":\"{}\"}" &&
	"$abs_top_builddir/tests/helpers/api-probe" get-many /me /tickets/settings /me >actual &&
	printf "%s\n" "0 /me" "0 /tickets/settings" "0 /me" >expect &&
	test_cmp expect actual &&
	sandbox_requests | sort >actual &&
	printf "%s\n" "GET /api/v1/me" "GET /api/v1/me" "GET /api/v1/me" "GET /api/v1/tickets/settings" >expect &&
	test_cmp expect actual
'

test_expect_success 'reads at once: a failure that stays is that read'"'"'s error' '
	sandbox_clear_requests &&
	"$abs_top_builddir/tests/helpers/api-probe" get-many /me /nonexistent >actual &&
	printf "%s\n" "0 /me" "4 /nonexistent" >expect &&
	test_cmp expect actual
'

test_done
