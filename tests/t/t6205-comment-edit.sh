#!/bin/sh
test_description='comment --edit and --delete: the Syncro API cannot, and syncro says so'
. "$(dirname "$0")/../test-lib.sh"

: "${TEST_API_KEY:=test-key-6205}"
start_sandbox

for what in edit delete
do
	test_expect_success "comment --$what says the API cannot, nothing sent" '
		sandbox_clear_requests &&
		test_expect_code 2 syncro comment --'$what' 32164 >out 2>err &&
		test ! -s out &&
		echo "syncro: the Syncro API cannot '$what' a comment once it is posted; '$what' it in Syncro'"'"'s web app ('"'"'syncro ticket 32164 --web'"'"' opens the ticket), or post a correction with '"'"'syncro comment 32164 -m TEXT'"'"'" >expect &&
		test_cmp expect err &&
		sandbox_requests >requests &&
		test ! -s requests
	'
done

test_done
