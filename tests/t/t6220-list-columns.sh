#!/bin/sh
test_description='syncro list: priority, tech, due and age columns; --sort and --priority'
. "$(dirname "$0")/../test-lib.sh"

start_sandbox
# Wednesday 2026-04-22 10:00 UTC: the ages and what is overdue.
SYNCRO_TEST_NOW=1776852000
export SYNCRO_TEST_NOW

test_expect_success 'the row: priority, the tech by name or -, the due day with ! when past, the age' '
	syncro list --customer 34288075 >actual &&
	cat >expect <<-\EOF_ &&
	#32161  In Progress        1 High  Mike Ritter  2026-04-19!   5d  Desert Sun Dental  Printer offline in front office
	#32143  Waiting for Parts  3 Low   Mike Ritter  2026-03-31!  25d  Desert Sun Dental  Dental imaging PC blue screens
	EOF_
	test_cmp expect actual &&
	syncro list -n 2 >actual &&
	cat >expect <<-\EOF_ &&
	#32164  New  2 Normal  -  2026-04-23   2d  Jerry Burger      Own cloud thing again
	#32163  New  3 Low     -  2026-04-22!  3d  LeeAnn Parkinson  Remote - Jim cant access his email
	EOF_
	test_cmp expect actual
'

test_expect_success 'a done ticket past its due day is not overdue' '
	syncro list --status resolved -n 2 >actual &&
	cat >expect <<-\EOF_ &&
	#32155  Resolved  3 Low   Sam Ortega  2026-04-13  12d  Mesa Verde Law Group  Scanner to email stopped working
	#32153  Resolved  1 High  Sam Ortega  2026-04-10  14d  Desert Sun Dental     UPS beeping in server closet
	EOF_
	test_cmp expect actual
'

test_expect_success 'the age in minutes, then hours, then days' '
	# #32164 was created 2026-04-20 01:31 UTC
	SYNCRO_TEST_NOW=$((1776648660 + 600)) syncro list -n 1 >actual &&
	grep "^#32164  New  2 Normal  -  2026-04-23  10m  Jerry Burger  " actual &&
	SYNCRO_TEST_NOW=$((1776648660 + 5 * 3600)) syncro list -n 1 >actual &&
	grep "^#32164  New  2 Normal  -  2026-04-23  5h  Jerry Burger  " actual &&
	SYNCRO_TEST_NOW=$((1776648660 + 4 * 86400)) syncro list -n 1 >actual &&
	grep "^#32164  New  2 Normal  -  2026-04-23!  4d  Jerry Burger  " actual
'

test_expect_success NOT_WINE 'overdue is red on a terminal' '
	SYNCRO_COLOR=always COLUMNS=200 script -qec "syncro list --limit 2" /dev/null >raw &&
	tr -d "\r" <raw >actual &&
	grep "2026-04-23   2d" actual &&
	grep "$(printf "\033\\[31m2026-04-22!\033\\[m  3d")" actual
'

numbers () {
	cut -d" " -f1 | tr "\n" " " && echo
}

test_expect_success '--sort due, age, updated, priority, number; equals newest first' '
	syncro list --customer 34288080 --sort due | numbers >actual &&
	echo "#32123 #32135 #32149 #32157 #32160 " >expect &&
	test_cmp expect actual &&
	syncro list --customer 34288080 --sort age | numbers >actual &&
	test_cmp expect actual &&
	syncro list --customer 34288080 --sort updated | numbers >actual &&
	echo "#32160 #32157 #32149 #32135 #32123 " >expect &&
	test_cmp expect actual &&
	syncro list --customer 34288080 --sort NUMBER | numbers >actual &&
	test_cmp expect actual &&
	syncro list --customer 34288080 --sort priority | numbers >actual &&
	echo "#32157 #32149 #32160 #32135 #32123 " >expect &&
	test_cmp expect actual
'

test_expect_success '--sort with --limit sorts the tickets shown: the newest N' '
	syncro list --customer 34288080 --sort priority -n 3 | numbers >actual &&
	echo "#32157 #32149 #32160 " >expect &&
	test_cmp expect actual
'

test_expect_success 'an unknown --sort key is exit 2 with did-you-mean, nothing sent' '
	sandbox_clear_requests &&
	test_expect_code 2 syncro list --sort prio >out 2>err &&
	test ! -s out &&
	head -n 1 err >actual &&
	echo "syncro: unknown key '"'"'prio'"'"' for --sort; did you mean '"'"'priority'"'"'? (number, updated, due, priority, age)" >expect &&
	test_cmp expect actual &&
	test_expect_code 2 syncro list --sort bogus 2>err &&
	grep "unknown key '"'"'bogus'"'"' for --sort; use number, updated, due, priority or age" err &&
	sandbox_requests >requests &&
	test ! -s requests
'

test_expect_success '--priority keeps one priority, with or without its number, any case' '
	syncro list --customer 34288080 --priority HIGH >actual &&
	cat >expect <<-\EOF_ &&
	#32157  Customer Reply  1 High  Priya Nair  2026-04-15!   9d  Red Rock Accounting  QuickBooks won'"'"'t open company file
	#32149  New             1 High  -           2026-04-06!  18d  Red Rock Accounting  Backup failed last night
	EOF_
	test_cmp expect actual &&
	syncro list --customer 34288080 --priority "1 high" >actual &&
	test_cmp expect actual &&
	syncro list --customer 34288080 --priority "2 normal" | numbers >actual &&
	echo "#32160 " >expect &&
	test_cmp expect actual
'

test_expect_success 'an unknown --priority is exit 2 with did-you-mean and the ones the tickets carry' '
	test_expect_code 2 syncro list --priority hihg >out 2>err &&
	test ! -s out &&
	cat >expect <<-\EOF_ &&
	syncro: unknown priority '"'"'hihg'"'"' for --priority; did you mean '"'"'1 High'"'"'?
	valid priorities: 1 High, 2 Normal, 3 Low
	EOF_
	test_cmp expect err &&
	test_expect_code 2 syncro list --priority zzz 2>err &&
	cat >expect <<-\EOF_ &&
	syncro: unknown priority '"'"'zzz'"'"' for --priority
	valid priorities: 1 High, 2 Normal, 3 Low
	EOF_
	test_cmp expect err
'

test_expect_success 'a narrow terminal shrinks the columns, the lines never wrap' '
	COLUMNS=60 syncro list -n 2 >actual &&
	cat >expect <<-\EOF_ &&
	#32164  New  2 N…  -  2026-04-23   2d  Jerry B…  Own cloud …
	#32163  New  3 L…  -  2026-04-22!  3d  LeeAnn …  Remote - J…
	EOF_
	test_cmp expect actual
'

test_done
