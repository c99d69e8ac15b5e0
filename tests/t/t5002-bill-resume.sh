#!/bin/sh
test_description='syncro bill resumes after a failure at any step, never posting twice'
. "$(dirname "$0")/../test-lib.sh"

start_sandbox
mkdir -p "$XDG_CONFIG_HOME/syncro"
CONFIG=$XDG_CONFIG_HOME/syncro/config.yaml
printf "timeout: 1\nconnect_timeout: 1\n" >"$CONFIG"
NOTES='Fixed the ownCloud sync client.
Reinstalled it and relinked the folders.'
JOURNAL=$XDG_STATE_HOME/syncro/journal/bill-32164.json

# The fail rule for a kind of failure: 500, timeout (the answer comes after
# the client gave up, so Syncro did the work), close (no answer at all).
fail_rule () {
	case $3 in
	500) extra='"status":500,"body":"<html>oops</html>","content_type":"text/html"' ;;
	timeout) extra='"delay_ms":1500' ;;
	close) extra='"close":true' ;;
	esac
	count=1
	test "$1" = POST || count=10	# more than GET and PUT are tried
	echo "{\"method\":\"$1\",\"path\":\"$2\",\"count\":$count,$extra}"
}

sandbox_no_more_failures () {
	sandbox_curl --fail-with-body -X DELETE "$SANDBOX_URL/__sandbox/fail" >/dev/null
}

# How many times syncro sends it at least: GET and PUT are tried three times.
tries () {
	if test "$1" = POST; then echo 1; else echo 3; fi
}

# Wait until the sandbox has answered (or dropped) every failing request.
wait_for_sandbox () {
	regex=$(printf "%s" "$2" | sed "s/\*/[^\/]*/g")
	tries=0
	until sandbox_requests_json | jq -e --arg m "$1" --arg p "^$regex\$" --argjson n "$3" \
		"[.requests[] | select(.method == \$m and (.path | test(\$p)))] | length >= \$n" >/dev/null
	do
		tries=$((tries + 1))
		test $tries -lt 100 || return 1
		sleep 0.1
	done
}

# Exactly one comment, one charged labor entry, one invoice with the
# right line, status Invoiced; the journal gone.
assert_billed_once () {
	sandbox_get tickets/108430330 >ticket.json &&
	jq --arg body "$NOTES" -r '.ticket |
		"status \(.status)",
		"comments \([.comments[] | select(.body == $body)] | length)",
		"timers \([.ticket_timers[] | select(.product_id == 1190473)] | length) charged \([.ticket_timers[] | select(.product_id == 1190473 and .recorded)] | length)",
		"lines \([.line_items[] | select(.product_id == 1190473)] | length) converted \([.line_items[] | select(.product_id == 1190473 and .converted)] | length)"' \
		ticket.json >actual &&
	sandbox_get "invoices?ticket_id=108430330" | jq "[.invoices[] | .number | tonumber]" >ids &&
	echo "invoices $(jq length ids)" >>actual &&
	sandbox_get "invoices/$(jq ".[0]" ids)" |
		jq -r ".invoice.line_items[] | \"line \(.product_id) \(.quantity)\"" >>actual &&
	cat >expect <<-EOF &&
	status Invoiced
	comments 1
	timers $TIMERS charged $TIMERS
	lines 1 converted 1
	invoices 1
	line 1190473 1.0
	EOF
	test_cmp expect actual &&
	test ! -e "$JOURNAL"
}

# line-item (the default) at every step, then the timer method at its own steps
TIMERS=0
for step in "POST /api/v1/tickets/*/comment" "POST /api/v1/tickets/*/add_line_item" \
	"POST /api/v1/invoices" "GET /api/v1/invoices/*" "PUT /api/v1/tickets/*" \
	"timer POST /api/v1/tickets/*/timer_entry" "timer POST /api/v1/tickets/*/charge_timer_entry"
do
	case $step in
	timer\ *)
		step=${step#timer }
		TIMERS=1
		printf "timeout: 1\nconnect_timeout: 1\nbilling:\n  method: timer\n" >"$CONFIG" ;;
	esac
	method=${step% *} path=${step#* }
	for kind in 500 timeout close
	do
		test_expect_success "$kind at $method $path: the re-run resumes and bills once" '
			sandbox_reset &&
			rm -rf "$XDG_STATE_HOME/syncro/journal" &&
			sandbox_fail "$(fail_rule "$method" "$path" $kind)" &&
			test_expect_code 7 syncro bill 32164 --minutes 60 --labor remote -m "$NOTES" \
				>out 2>err &&
			test -f "$JOURNAL" &&
			grep "^hint: .syncro bill 32164. resumes from the step that failed" err &&
			wait_for_sandbox "$method" "$path" $(tries "$method") &&
			sandbox_no_more_failures &&
			syncro bill 32164 </dev/null >out 2>err &&
			head -n 1 err >first &&
			grep "^resuming the bill of #32164 begun " first &&
			grep "^invoice 1049 for #32164 (Jerry Burger)" out &&
			assert_billed_once
		'
	done
done
TIMERS=0
printf "timeout: 1\nconnect_timeout: 1\n" >"$CONFIG"

test_expect_success 'a re-run with other options is refused, saying which' '
	sandbox_reset &&
	rm -rf "$XDG_STATE_HOME/syncro/journal" &&
	sandbox_fail "$(fail_rule POST /api/v1/invoices 500)" &&
	test_expect_code 7 syncro bill 32164 --minutes 60 --labor remote -m "$NOTES" 2>err &&
	sandbox_clear_requests &&
	test_expect_code 2 syncro bill 32164 --minutes 30 --labor onsite -m "Other notes." 2>err &&
	sed 1d err >actual &&
	cat >expect <<-\EOF &&
	syncro: the unfinished bill of #32164 began with other options:
	  minutes: '"'"'60'"'"' then, '"'"'30'"'"' now
	  labor: '"'"'1190473'"'"' then, '"'"'26118'"'"' now
	hint: leave them out to take the journal'"'"'s, or forget the journal with '"'"'syncro bill --abandon 32164'"'"'
	EOF
	test_cmp expect actual &&
	sandbox_requests >requests &&
	test_grep_not "^P" requests &&
	syncro bill 32164 --minutes 60 >/dev/null 2>&1 &&
	assert_billed_once
'

test_expect_success 'the notes of an unposted comment are kept as a draft and used on the re-run' '
	sandbox_reset &&
	rm -rf "$XDG_STATE_HOME/syncro/journal" "$XDG_STATE_HOME/syncro/drafts" &&
	sandbox_fail "$(fail_rule POST "/api/v1/tickets/*/comment" 500)" &&
	test_expect_code 7 syncro bill 32164 --minutes 60 --labor remote -m "$NOTES" 2>err &&
	ls "$XDG_STATE_HOME/syncro/drafts" >drafts &&
	test $(wc -l <drafts) = 1 &&
	printf "%s\n" "$NOTES" >expect &&
	test_cmp expect "$XDG_STATE_HOME/syncro/drafts/$(cat drafts)" &&
	syncro bill 32164 </dev/null >/dev/null 2>&1 &&
	ls "$XDG_STATE_HOME/syncro/drafts" >drafts &&
	test ! -s drafts &&
	assert_billed_once
'

test_expect_success 'line-item method: a lost add_line_item answer is found, not sent twice' '
	printf "timeout: 1\nbilling:\n  method: line-item\n" >"$CONFIG" &&
	for kind in 500 timeout close
	do
		sandbox_reset &&
		rm -rf "$XDG_STATE_HOME/syncro/journal" &&
		sandbox_fail "$(fail_rule POST "/api/v1/tickets/*/add_line_item" $kind)" &&
		test_expect_code 7 syncro bill 32164 --minutes 60 --labor remote -m "$NOTES" 2>err &&
		wait_for_sandbox POST "/api/v1/tickets/*/add_line_item" 1 &&
		sandbox_no_more_failures &&
		syncro bill 32164 >/dev/null 2>err &&
		sandbox_get tickets/108430330 | jq -r ".ticket | .status,
			([.line_items[] | select(.product_id == 1190473 and .converted)] | length),
			([.comments[] | select(.body | startswith(\"Fixed the ownCloud\"))] | length)" >actual &&
		printf "Invoiced\n1\n1\n" >expect &&
		test_cmp expect actual || return 1
	done
'

test_done
