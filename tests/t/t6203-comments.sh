#!/bin/sh
test_description='ticket: comments of the same second in order, authors named'
. "$(dirname "$0")/../test-lib.sh"

: "${TEST_API_KEY:=test-key-6203}"

# Two comments on #32164 posted in the same second, the older (lower id)
# first in the data, as a whole-second sort would leave them.
jq '(.tickets[] | select(.number == 32164) | .comments) += [
	{"id": 900000001, "created_at": "2026-04-21T09:00:00.000Z",
	 "updated_at": "2026-04-21T09:00:00.000Z", "subject": "Update",
	 "body": "first of the two", "hidden": false, "user_id": 1, "tech": "Mike Ritter"},
	{"id": 900000002, "created_at": "2026-04-21T09:00:00.000Z",
	 "updated_at": "2026-04-21T09:00:00.000Z", "subject": "Update",
	 "body": "second of the two", "hidden": false, "user_id": 1, "tech": "Mike Ritter"}
	]' "$abs_top_srcdir/sandbox/demo.json" >same-second.json
start_sandbox --data same-second.json

test_expect_success '--comments 1 shows the later of two in the same second' '
	syncro ticket --comments 1 32164 >actual &&
	sed -n "/^comments/,/^$/p" actual >comments &&
	cat >expect <<-\EOF &&
	comments (latest 1 of 3; --comments all for every one)
	  2026-04-21 09:00  Mike Ritter  Update
	      second of the two

	EOF
	test_cmp expect comments
'

test_expect_success 'every comment: newest first, ties by id, the customer named' '
	syncro ticket --comments all 32164 >actual &&
	sed -n "/^comments/,/^$/p" actual >comments &&
	cat >expect <<-\EOF &&
	comments (3, newest first)
	  2026-04-21 09:00  Mike Ritter  Update
	      second of the two
	  2026-04-21 09:00  Mike Ritter  Update
	      first of the two
	  2026-04-20 01:38  Jerry Burger  Initial Issue
	      Hi, the own cloud thing on my computer is saying it can'"'"'t sync again. Same as last month. Can you take a look when you get a chance?

	EOF
	test_cmp expect comments
'

test_expect_success 'comment bodies wrap to the terminal width at spaces' '
	COLUMNS=60 syncro ticket --comments all 32164 >actual &&
	sed -n "/Jerry Burger  Initial Issue/,/^$/p" actual >comments &&
	cat >expect <<-\EOF &&
	  2026-04-20 01:38  Jerry Burger  Initial Issue
	      Hi, the own cloud thing on my computer is saying it
	      can'"'"'t sync again. Same as last month. Can you take a
	      look when you get a chance?

	EOF
	test_cmp expect comments
'

test_done
