#!/bin/sh
test_description='--due takes relative days; --tech and --assign are one option'
. "$(dirname "$0")/../test-lib.sh"

: "${TEST_API_KEY:=test-key-6207}"
start_sandbox
# Wednesday 2026-04-22 10:00 UTC
SYNCRO_TEST_NOW=1776852000
export SYNCRO_TEST_NOW

# due_sent WORD: the due_date the PUT of 'update 32164 --due WORD' sent.
due_sent () {
	sandbox_clear_requests &&
	syncro update 32164 --due "$1" >/dev/null &&
	sandbox_requests_json | jq -r ".requests[] | select(.method == \"PUT\") | .body | .due_date"
}

test_expect_success 'today, tomorrow, +3d, +3, +2w' '
	test "$(date -u -d @$SYNCRO_TEST_NOW +%A)" = Wednesday &&
	test "$(due_sent today)" = 2026-04-22 &&
	test "$(due_sent tomorrow)" = 2026-04-23 &&
	test "$(due_sent Tomorrow)" = 2026-04-23 &&
	test "$(due_sent +3d)" = 2026-04-25 &&
	test "$(due_sent +3)" = 2026-04-25 &&
	test "$(due_sent +2w)" = 2026-05-06
'

test_expect_success 'a weekday is the next one after today' '
	test "$(due_sent friday)" = 2026-04-24 &&
	test "$(due_sent fri)" = 2026-04-24 &&
	test "$(due_sent wednesday)" = 2026-04-29 &&
	test "$(due_sent monday)" = 2026-04-27
'

test_expect_success 'a date as typed is sent as typed' '
	test "$(due_sent 2026-06-01)" = 2026-06-01
'

test_expect_success 'anything else is refused before a request' '
	sandbox_clear_requests &&
	test_expect_code 2 syncro update 32164 --due +3x 2>err &&
	grep "invalid date '"'"'+3x'"'"' for --due" err &&
	test_expect_code 2 syncro create --customer 34288070 --subject x --due fr 2>err &&
	grep "invalid date '"'"'fr'"'"' for --due" err &&
	sandbox_requests >requests &&
	test ! -s requests
'

test_expect_success 'update --tech assigns as --assign does' '
	sandbox_clear_requests &&
	syncro update 32164 --tech sam >actual &&
	grep "^#32164  tech: .*Sam Ortega" actual &&
	sandbox_requests_json | jq -r ".requests[] | select(.method == \"PUT\") | .body | .user_id" >id &&
	test -s id
'

test_expect_success 'list --assign filters as --tech does' '
	syncro list --tech sam >expect &&
	syncro list --assign sam >actual &&
	test_cmp expect actual &&
	grep "^#32164 " actual
'

test_done
