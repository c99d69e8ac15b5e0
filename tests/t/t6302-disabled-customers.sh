#!/bin/sh
test_description='customers disabled in Syncro: found for their history, refused for a write'
. "$(dirname "$0")/../test-lib.sh"

: "${TEST_API_KEY:=test-key-6302}"
start_sandbox

test_expect_success 'list --customer --all finds a disabled customer, asking with include_disabled' '
	sandbox_clear_requests &&
	syncro list --customer "old town" --all >out &&
	grep "^#32122 .*Old Town Bakery POS not printing" out &&
	sandbox_requests >requests &&
	grep "^GET /api/v1/customers?.*include_disabled=true" requests
'

test_expect_success 'search --customer finds a disabled customer too' '
	syncro search --customer "old town bakery" --all POS >out &&
	grep "^#32122 " out
'

test_expect_success 'invoice list --customer: a disabled customer matches, not "no customer matches"' '
	sandbox_clear_requests &&
	{ syncro invoice list --customer "old town" >out 2>err || echo $? >rc; } &&
	echo "syncro: no invoices match" >expect &&
	test_cmp expect err &&
	sandbox_requests >requests &&
	grep "^GET /api/v1/invoices?.*customer_id=34288081" requests
'

test_expect_success 'create for a disabled customer says so, exit 5, nothing written' '
	sandbox_clear_requests &&
	test_expect_code 5 syncro create --customer "old town" --subject "POS again" \
		--body "it broke" --yes --no-input >out 2>err &&
	echo "syncro: customer '"'"'Old Town Bakery'"'"' is disabled in Syncro; enable it there first, or choose another customer" >expect &&
	test_cmp expect err &&
	sandbox_requests >requests &&
	test_grep_not "^POST " requests
'

test_expect_success 'estimate create for a disabled customer says so' '
	test_expect_code 5 syncro estimate create --customer "old town" --subject x \
		--line "Switch 1 150" --yes 2>err &&
	grep "is disabled in Syncro" err
'

test_expect_success 'a write still takes an active customer when a disabled one matches too' '
	syncro create --customer "jerry" --subject "Printer" --body "jammed" --dry-run >out &&
	grep "34288070" out
'

test_expect_success 'customers shows a disabled customer marked' '
	syncro customers "old town" >actual &&
	echo "34288081  Old Town Bakery (disabled)  hal@oldtownbakery.example  4805550104" >expect &&
	test_cmp expect actual &&
	syncro customers 34288081 >out &&
	head -n 1 out >actual &&
	echo "Old Town Bakery (disabled)" >expect &&
	test_cmp expect actual
'

test_done
