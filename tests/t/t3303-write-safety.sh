#!/bin/sh
test_description='create and update: --dry-run sends nothing; confirm: writes asks, and without a terminal needs --yes'
. "$(dirname "$0")/../test-lib.sh"

start_sandbox

test_expect_success 'create --dry-run: the ticket in words and the POST; nothing sent' '
	sandbox_clear_requests &&
	syncro create --customer 34288070 --subject "Printer on fire" -m "It is smoking" --dry-run >actual &&
	cat >expect <<-EOF &&
	open a ticket "Printer on fire" for customer 34288070, with its first comment
	POST $SYNCRO_BASE_URL/tickets
	{
	  "subject": "Printer on fire",
	  "customer_id": 34288070,
	  "comments_attributes": [
	    {
	      "subject": "Initial Issue",
	      "body": "It is smoking",
	      "hidden": false,
	      "do_not_email": true
	    }
	  ]
	}
	EOF
	test_cmp expect actual &&
	sandbox_requests >requests &&
	test ! -s requests
'

test_expect_success 'update --dry-run: old and new values, the PUT; nothing sent' '
	syncro ticket 32164 >/dev/null &&
	sandbox_clear_requests &&
	syncro update 32164 --status "In Progress" --dry-run >actual &&
	cat >expect <<-EOF &&
	change ticket #32164 "Own cloud thing again" of Jerry Burger:
	  status: New -> In Progress
	PUT $SYNCRO_BASE_URL/tickets/108430330
	{
	  "status": "In Progress"
	}
	EOF
	test_cmp expect actual &&
	sandbox_requests >requests &&
	test_grep_not PUT requests
'

test_expect_success 'confirm: writes without a terminal: create and update are usage errors' '
	mkdir -p "$XDG_CONFIG_HOME/syncro" &&
	echo "confirm: writes" >"$XDG_CONFIG_HOME/syncro/config.yaml" &&
	sandbox_clear_requests &&
	test_expect_code 2 syncro create --customer 34288070 --subject "x" </dev/null 2>err &&
	head -n 1 err >actual &&
	echo "syncro: this would write to Syncro and there is no terminal to confirm it; pass --yes to send, or --dry-run to see what it would send" >expect &&
	test_cmp expect actual &&
	test_expect_code 2 syncro update 32164 --priority "1 High" </dev/null 2>/dev/null &&
	sandbox_requests >requests &&
	test_grep_not "POST\|PUT" requests
'

test_expect_success NOT_WINE 'confirm: writes on a terminal: no sends nothing, yes sends' '
	sandbox_clear_requests &&
	printf "n\n" | test_expect_code 1 script -qec "syncro update 32164 --priority \"1 High\"" /dev/null >out &&
	tr -d "\r" <out >actual &&
	grep "^change ticket #32164" actual &&
	grep "nothing sent" actual &&
	sandbox_requests >requests &&
	test_grep_not PUT requests &&
	printf "y\n" | script -qec "syncro update 32164 --priority \"1 High\"" /dev/null >out &&
	sandbox_requests >requests &&
	grep "^PUT /api/v1/tickets/108430330" requests
'

test_expect_success 'confirm: writes with --yes sends without asking' '
	syncro create --customer 34288070 --subject "Scanner" --yes </dev/null >actual &&
	grep "^created #" actual &&
	rm "$XDG_CONFIG_HOME/syncro/config.yaml"
'

test_done
