#!/bin/sh
test_description='--json[=FIELDS]: the whole objects, or only the fields asked for, in every verb'
. "$(dirname "$0")/../test-lib.sh"

: "${TEST_API_KEY:=test-key-6300}"
start_sandbox

test_expect_success 'list --json=FIELDS: an array of objects with those fields, in that order' '
	syncro list --json=number,subject,status >actual &&
	jq -c ".[0] | keys_unsorted" actual >keys &&
	echo "[\"number\",\"subject\",\"status\"]" >expect &&
	test_cmp expect keys &&
	syncro list --json >whole &&
	jq -c "[.[] | {number, subject, status}]" whole >expect &&
	jq -c . actual >got &&
	test_cmp expect got
'

test_expect_success 'ticket --json=FIELDS: that object with those fields' '
	syncro ticket --json=status,number 32155 >actual &&
	cat >expect <<-\EOT &&
	{
	  "status": "Resolved",
	  "number": 32155
	}
	EOT
	test_cmp expect actual
'

test_expect_success 'customers --json=FIELDS, and --json alone prints what it printed before' '
	syncro customers --json >whole &&
	jq -e "length > 0 and (.[0] | length) > 2" whole &&
	syncro customers --json=id >actual &&
	jq -c "[.[] | {id}]" whole >expect &&
	jq -c . actual >got &&
	test_cmp expect got
'

test_expect_success '--json takes no following word: --json 32155 is the ticket' '
	syncro ticket --json 32155 >actual &&
	jq -e ".number == 32155 and (length > 2)" actual
'

test_expect_success 'an unknown field is a usage error naming the fields there are' '
	test_expect_code 2 syncro ticket --json=number,subjct 32155 >out 2>err &&
	test ! -s out &&
	grep "^syncro: unknown JSON field '"'"'subjct'"'"'$" err &&
	grep "did you mean '"'"'subject'"'"'" err &&
	grep "the fields are: .*number.*subject" err &&
	test_expect_code 2 syncro list --json=nosuchthing >out 2>err &&
	test ! -s out &&
	grep "unknown JSON field '"'"'nosuchthing'"'"'" err
'

test_expect_success '--json given twice is refused' '
	test_expect_code 2 syncro list --json --json=number 2>err &&
	grep "given twice" err
'

test_done
