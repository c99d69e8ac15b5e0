#!/bin/sh
test_description='syncro: recurring invoice schedules, listed and shown, never changed'
. "$(dirname "$0")/../test-lib.sh"

start_sandbox

test_expect_success 'list: frequency, next run in the account zone, customer, subtotal, template' '
	sandbox_clear_requests &&
	syncro schedule list >actual &&
	cat >expect <<-\EOF &&
	730101  Monthly    next Fri 2027-01-01  Desert Sun Dental       590.00  Managed services - Desert Sun Dental
	730102  Quarterly  next Fri 2027-01-15  Copper State Logistics  225.00  Offsite backup - Copper State Logistics
	EOF
	test_cmp expect actual &&
	cat >expect <<-\EOF &&
	GET /api/v1/schedules?page=1
	GET /api/v1/customers/34288075
	GET /api/v1/settings
	GET /api/v1/customers/34288077
	EOF
	sandbox_requests >requests &&
	test_cmp expect requests
'

test_expect_success 'list --customer sends customer_id' '
	sandbox_clear_requests &&
	syncro schedule list --customer 34288077 >actual &&
	echo "730102  Quarterly  next Fri 2027-01-15  Copper State Logistics  225.00  Offsite backup - Copper State Logistics" >expect &&
	test_cmp expect actual &&
	echo "GET /api/v1/schedules?customer_id=34288077&page=1" >expect &&
	sandbox_requests >requests &&
	test_cmp expect requests
'

test_expect_success 'show: template, frequency, next run and lines with amounts' '
	syncro schedule show 730101 >actual &&
	cat >expect <<-\EOF &&
	schedule  730101  Managed services - Desert Sun Dental
	customer  Desert Sun Dental
	every     Monthly
	next run  Fri 2027-01-01

	QTY  ITEM                  PRICE  AMOUNT  DESCRIPTION
	 12  Managed workstation   35.00  420.00  Monitoring, patching, antivirus
	  1  Managed server       170.00  170.00  Monitoring, patching, backups checked

	subtotal  590.00
	EOF
	test_cmp expect actual
'

test_expect_success 'no verb deletes or changes a schedule: exit 2, nothing sent' '
	sandbox_clear_requests &&
	test_expect_code 2 syncro schedule rm 730101 2>err &&
	echo "syncro: syncro does not change or delete schedules: a delete destroys the template with no undo; do it in the web app if you must" >expect &&
	test_cmp expect err &&
	sandbox_requests >requests &&
	test ! -s requests
'

test_expect_success 'an unknown schedule is exit 4' '
	test_expect_code 4 syncro schedule show 1 2>err &&
	echo "syncro: schedule 1 not found; '"'syncro schedule list'"' shows them" >expect &&
	test_cmp expect err
'

test_expect_success 'completion offers the schedules seen, without the network' '
	syncro schedule list >/dev/null &&
	sandbox_clear_requests &&
	syncro __complete schedule show 7301 >actual &&
	cat >expect <<-\EOF &&
	730102	Copper State Logistics · Quarterly · Offsite backup - Copper State Logistics
	730101	Desert Sun Dental · Monthly · Managed services - Desert Sun Dental
	:36
	EOF
	test_cmp expect actual &&
	sandbox_requests >requests &&
	test ! -s requests
'

stop_sandbox
start_sandbox --page-size 1

test_expect_success 'list --json over two pages is one array' '
	syncro schedule list --json >out &&
	jq -r "type, length, (map(.id) | join(\" \"))" out >actual &&
	printf "%s\n" array 2 "730101 730102" >expect &&
	test_cmp expect actual &&
	sandbox_requests >requests &&
	grep -c "^GET /api/v1/schedules?page=" requests >pages &&
	echo 2 >expect &&
	test_cmp expect pages
'

test_done
