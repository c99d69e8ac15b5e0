#!/bin/sh
test_description='syncro comment with billing.method comment on a tenant that ignores the time fields'
. "$(dirname "$0")/../test-lib.sh"

start_sandbox --ignore-comment-time --quirk charge-line-id
export SYNCRO_TEST_NOW=1780000000
mkdir -p "$XDG_CONFIG_HOME/syncro" &&
printf "billing:\n  method: comment\n" >"$XDG_CONFIG_HOME/syncro/config.yaml"

test_expect_success 'ignored time fields fail loudly, saying what the ticket holds' '
	syncro time 32161 >/dev/null &&
	sandbox_clear_requests &&
	test_expect_code 1 syncro comment 32161 -m "Printer fixed" --time 30 --labor remote --charge >out 2>err &&
	echo "#32161: comment 412331502 posted" >expect &&
	test_cmp expect out &&
	cat >expect <<-\EOF &&
	syncro: no time was recorded: Syncro ignored the time on comment 412331502 (ticket #32161 holds no timer of that comment; it holds timer 8812040 (product 1190473 '"'"'Labor - Remote Business'"'"', 30 minutes))
	hint: billing.method line-item or timer records time the API keeps
	hint: comment 412331502 is posted on #32161; only the time is missing
	hint: record the time with: syncro time add 32161 30 --labor remote --notes '"'"'Printer fixed'"'"' --charge
	EOF
	test_cmp expect err &&
	cat >expect <<-\EOF &&
	POST /api/v1/tickets/108429977/comment
	GET /api/v1/tickets/108429977
	GET /api/v1/tickets/108429977
	GET /api/v1/products/1190473
	EOF
	sandbox_requests >actual &&
	test_cmp expect actual &&
	test -z "$(ls -A "$HOME/.local/state/syncro/drafts")"
'

test_expect_success 'the suggested command records the time as a timer' '
	syncro time add 32161 30 --labor remote --notes "Printer fixed" --charge >out &&
	echo "#32161: 30 minutes of remote (product 1190473) as timer 8812109, charged on line item 29871754" >expect &&
	test_cmp expect out
'

test_done
