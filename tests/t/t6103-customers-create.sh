#!/bin/sh
test_description='syncro customers create: near-duplicates refused unless --force; the detail shows prepaid hours and open invoices'
. "$(dirname "$0")/../test-lib.sh"

start_sandbox

test_expect_success 'a name a few letters off an existing one is refused, nothing created' '
	sandbox_clear_requests &&
	test_expect_code 2 syncro customers create --business "Desert Sun Dentl" --email new@x.example 2>err &&
	cat >expect <<-\EOF &&
	syncro: '"'Desert Sun Dentl'"' looks like a customer already there; pass --force to create it anyway:
	  34288075  Desert Sun Dental  office@desertsundental.example
	EOF
	test_cmp expect err &&
	cat >expect <<-\EOF &&
	GET /api/v1/customers?email=new%40x.example
	GET /api/v1/customers?query=dentl
	GET /api/v1/customers?query=desert
	GET /api/v1/customers?query=sun
	EOF
	sandbox_requests | sort >requests &&
	test_cmp expect requests
'

test_expect_success 'a misspelt first word, or a leading "The", is still a near-duplicate; four words asked at most, the first of a name of none' '
	for name in "Dessert Sun Dental" "The Desert Sun Dental" "Desert-Sun Dental, Inc"
	do
		test_expect_code 2 syncro customers create --business "$name" 2>err &&
		grep "^  34288075  Desert Sun Dental  office@desertsundental.example\$" err || return 1
	done &&
	sandbox_clear_requests &&
	syncro customers create --business "The Copper Canyon Pet and Bird Clinic" --dry-run >/dev/null &&
	cat >expect <<-\EOF &&
	GET /api/v1/customers?query=bird
	GET /api/v1/customers?query=canyon
	GET /api/v1/customers?query=copper
	GET /api/v1/customers?query=pet
	EOF
	sandbox_requests | sort >requests &&
	test_cmp expect requests &&
	sandbox_clear_requests &&
	syncro customers create --business "The Company" --dry-run >/dev/null &&
	echo "GET /api/v1/customers?query=The" >expect &&
	sandbox_requests >requests &&
	test_cmp expect requests
'

test_expect_success 'the same email as an existing customer is refused' '
	test_expect_code 2 syncro customers create --business "Mesa Pet Hospital" \
		--email office@desertsundental.example 2>err &&
	grep "^  34288075  Desert Sun Dental  office@desertsundental.example" err
'

test_expect_success 'create --dry-run: the customer in words and the POST, nothing sent' '
	sandbox_clear_requests &&
	syncro customers create --business "Mesa Pet Hospital" --first Ana --last Ruiz \
		--email ana@mesapet.example --phone 480-555-0199 --dry-run >actual &&
	cat >expect <<-EOF &&
	create customer Mesa Pet Hospital, ana@mesapet.example
	POST $SYNCRO_BASE_URL/customers
	{
	  "business_name": "Mesa Pet Hospital",
	  "firstname": "Ana",
	  "lastname": "Ruiz",
	  "email": "ana@mesapet.example",
	  "phone": "480-555-0199"
	}
	EOF
	test_cmp expect actual &&
	sandbox_requests >requests &&
	test_grep_not POST requests
'

test_expect_success 'create: one POST, the new id, and it is in the completion cache' '
	syncro customers create --business "Mesa Pet Hospital" --first Ana --last Ruiz \
		--email ana@mesapet.example >actual &&
	echo "created customer 34288082 Mesa Pet Hospital" >expect &&
	test_cmp expect actual &&
	syncro __complete create --customer "Mesa P" >actual &&
	grep "Mesa Pet Hospital" actual
'

test_expect_success '--force creates a near-duplicate; --json prints the customer made' '
	syncro customers create --business "Desert Sun Dentl" --force >actual &&
	echo "created customer 34288083 Desert Sun Dentl" >expect &&
	test_cmp expect actual &&
	syncro customers create --business "Saguaro Vet Clinic" --json >actual &&
	jq -r "[.id, .business_then_name] | @tsv" actual >fields &&
	printf "34288084\tSaguaro Vet Clinic\n" >expect &&
	test_cmp expect fields
'

test_expect_success 'create needs a business or a last name; its options are for create only' '
	test_expect_code 2 syncro customers create --email a@b.example 2>err &&
	head -n 1 err >actual &&
	echo "syncro: '"'syncro customers create'"' needs --business or --last" >expect &&
	test_cmp expect actual &&
	test_expect_code 2 syncro customers 34288075 --force 2>/dev/null
'

test_expect_success 'the detail lists the open invoices from invoice_links' '
	syncro customers 34288077 >out &&
	sed -n "/^open invoices/,/^\$/p" out >actual &&
	cat >expect <<-\EOF &&
	open invoices
	#1042  2026-04-09  420.00
	#1046  2026-03-24  125.00

	EOF
	test_cmp expect actual
'

test_done
