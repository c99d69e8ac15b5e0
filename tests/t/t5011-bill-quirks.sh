#!/bin/sh
test_description='syncro bill under each sandbox quirk that touches billing'
. "$(dirname "$0")/../test-lib.sh"

mkdir -p "$XDG_CONFIG_HOME/syncro"
CONFIG=$XDG_CONFIG_HOME/syncro/config.yaml

for quirk in kind timer-ignores-product timer-unbillable invoice-filter-ignored
do
	for method in line-item timer
	do
		test_expect_success "--quirk $quirk, $method: one invoice of minutes/60 x price, or a refusal with nothing half-made" '
			rm -rf "$XDG_STATE_HOME/syncro/journal" &&
			start_sandbox --quirk $quirk &&
			printf "billing:\n  method: %s\n" $method >"$CONFIG" &&
			if syncro bill 32164 --minutes 30 --labor onsite -m "Work." --yes >out 2>err
			then
				grep "^total  *75.00$" out &&
				sandbox_get tickets/108430330 | jq -r .ticket.status >actual &&
				echo Invoiced >expect &&
				test_cmp expect actual
			else
				test $quirk-$method = timer-ignores-product-timer &&
				grep "^syncro: timer [0-9]* on ticket #32164 has product 1190473 .* not product 26118" err &&
				sandbox_requests >requests &&
				test_grep_not "charge_timer_entry\|POST /api/v1/invoices\|/comment$" requests &&
				test_expect_code 1 syncro bill 32164 >out 2>err &&
				test_grep_not "^recorded" err &&
				grep "^syncro: timer [0-9]* on ticket #32164 has product 1190473 .* not product 26118" err &&
				sandbox_requests >requests &&
				test_grep_not "charge_timer_entry\|POST /api/v1/invoices" requests &&
				sandbox_get tickets/108430330 | jq "[.ticket.ticket_timers[] | select(.id > 8812108)] | length" >count &&
				echo 1 >expect &&
				test_cmp expect count
			fi &&
			stop_sandbox
		'
	done
done

test_expect_success '--quirk timer-ignores-product, timer: refused before the comment, says how to go on, the stray timer never charged silently' '
	rm -rf "$XDG_STATE_HOME/syncro/journal" &&
	start_sandbox --quirk timer-ignores-product &&
	printf "billing:\n  method: timer\n" >"$CONFIG" &&
	test_expect_code 1 syncro bill 32164 --minutes 30 --labor onsite -m "Work." --yes >out 2>err &&
	cat >expect <<-\EOF &&
	syncro: timer 8812109 on ticket #32164 has product 1190473 '"'"'Labor - Remote Business'"'"' and 30 minutes, not product 26118 '"'"'Labor - Onsite Business'"'"' and 30 minutes: this account put its own product on the timer; the comment is not posted and nothing was charged or invoiced
	hint: timer 8812109 stays on #32164, uncharged: remove it with '"'"'syncro time rm 32164 8812109'"'"', forget this bill with '"'"'syncro bill --abandon 32164'"'"', then bill it with billing.method line-item ('"'"'syncro config set billing.method line-item'"'"'), which sends the product and its price on a line
	hint: done already: timer 8812109 recorded
	EOF
	test_cmp expect err &&
	sandbox_requests | grep -v "^GET " >writes &&
	echo "POST /api/v1/tickets/108430330/timer_entry" >expect.writes &&
	test_cmp expect.writes writes &&
	test_expect_code 1 syncro bill 32164 >out 2>err &&
	sed 1d err >actual &&
	test_cmp expect actual &&
	test_grep_not "resumes" err &&
	sandbox_requests | grep -v "^GET " >writes &&
	test_cmp expect.writes writes &&
	test_expect_code 1 syncro bill --abandon 32164 2>err &&
	cat >expect <<-\EOF &&
	syncro: not forgetting the bill of #32164: timer 8812109 it recorded is still on the ticket, uncharged, with product 1190473 instead of 26118; forgotten, the next bill would charge it as that product
	hint: remove it with '"'"'syncro time rm 32164 8812109'"'"' (or charge it as it is with '"'"'syncro time charge 32164 8812109'"'"'), then run '"'"'syncro bill --abandon 32164'"'"' again
	EOF
	test_cmp expect err &&
	syncro time rm 32164 8812109 >/dev/null &&
	syncro bill --abandon 32164 2>err &&
	grep "^forgot the unfinished bill of #32164" err &&
	printf "billing:\n  method: line-item\n" >"$CONFIG" &&
	syncro bill 32164 --minutes 30 --labor onsite -m "Work." --yes >out 2>err &&
	grep "^total  *75.00$" out &&
	sandbox_get tickets/108430330 | jq -c "[.ticket.ticket_timers[] | select(.id > 8812108)], [.ticket.comments[] | select(.body == \"Work.\")] | length" >actual &&
	printf "0\n1\n" >expect &&
	test_cmp expect actual &&
	stop_sandbox
'

test_expect_success '--quirk invoice-filter-ignored: the ticket'"'"'s invoice is still found' '
	rm -rf "$XDG_STATE_HOME/syncro/journal" &&
	start_sandbox --quirk invoice-filter-ignored &&
	test_expect_code 1 syncro bill 32154 --minutes 30 --labor remote -m "More." 2>err &&
	head -n 1 err >actual &&
	echo "syncro: ticket #32154 already has invoice 1042" >expect &&
	test_cmp expect actual &&
	stop_sandbox
'

test_expect_success '--quirk no-invoiced-status: refused before the first write' '
	rm -rf "$XDG_STATE_HOME/syncro/journal" &&
	start_sandbox --quirk no-invoiced-status &&
	rm -f "$CONFIG" &&
	sandbox_clear_requests &&
	test_expect_code 2 syncro bill 32164 --minutes 30 --labor remote -m "x" 2>err &&
	head -n 1 err >actual &&
	echo "syncro: the account has no status '"'"'Invoiced'"'"' for billing.status; nothing was sent" >expect &&
	test_cmp expect actual &&
	sandbox_requests >requests &&
	test_grep_not "^P" requests &&
	stop_sandbox
'

test_done
