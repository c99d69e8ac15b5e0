#!/bin/sh
test_description='syncro delete N and ticket rm N: named, confirmed, refused with time or an invoice'
. "$(dirname "$0")/../test-lib.sh"

start_sandbox

test_expect_success 'delete --dry-run names the ticket and shows the request; nothing deleted' '
	sandbox_clear_requests &&
	syncro delete 32164 --dry-run >actual &&
	cat >expect <<-EOF &&
	delete ticket #32164 "Own cloud thing again" of Jerry Burger (New)
	DELETE $SYNCRO_BASE_URL/tickets/108430330
	EOF
	test_cmp expect actual &&
	sandbox_requests >requests &&
	test_grep_not DELETE requests
'

test_expect_success 'without a terminal or --yes it is a usage error' '
	test_expect_code 2 syncro delete 32164 </dev/null 2>err &&
	head -n 1 err >actual &&
	echo "syncro: this would write to Syncro and there is no terminal to confirm it; pass --yes to send, or --dry-run to see what it would send" >expect &&
	test_cmp expect actual &&
	sandbox_get tickets/108430330 >/dev/null
'

test_expect_success NOT_WINE 'on a terminal it asks, naming the ticket; no keeps it' '
	printf "n\n" | test_expect_code 1 script -qec "syncro delete 32164" /dev/null >out &&
	tr -d "\r" <out >actual &&
	grep "^delete ticket #32164 \"Own cloud thing again\" of Jerry Burger (New)" actual &&
	grep "nothing sent" actual &&
	sandbox_get tickets/108430330 >/dev/null
'

test_expect_success 'a ticket with time is refused without --force, nothing deleted' '
	sandbox_clear_requests &&
	test_expect_code 2 syncro delete 32155 --yes 2>err &&
	echo "syncro: ticket #32155 has time or an invoice (1 timer, 1 line item, 0 invoices): deleting it loses that work; pass --force if you mean it" >expect &&
	test_cmp expect err &&
	sandbox_requests >requests &&
	test_grep_not DELETE requests
'

test_expect_success 'a ticket with an invoice is counted and refused' '
	test_expect_code 2 syncro delete 32154 --yes 2>err &&
	echo "syncro: ticket #32154 has time or an invoice (0 timers, 1 line item, 1 invoice): deleting it loses that work; pass --force if you mean it" >expect &&
	test_cmp expect err
'

test_expect_success 'ticket rm N --yes: deleted, read back, forgotten by the cache' '
	sandbox_clear_requests &&
	syncro ticket rm 32164 --yes >actual &&
	echo "deleted ticket #32164 \"Own cloud thing again\" of Jerry Burger" >expect &&
	test_cmp expect actual &&
	sandbox_requests >requests &&
	tail -n 2 requests >actual &&
	printf "DELETE /api/v1/tickets/108430330\nGET /api/v1/tickets/108430330\n" >expect &&
	test_cmp expect actual &&
	test_expect_code 22 sandbox_get tickets/108430330 2>/dev/null &&
	test_expect_code 4 syncro delete 32164 --yes 2>/dev/null
'

test_expect_success '--force deletes a ticket with time' '
	syncro delete 32155 --force --yes >actual &&
	grep "^deleted ticket #32155 " actual &&
	test_expect_code 22 sandbox_get tickets/108428512 2>/dev/null
'

test_done
