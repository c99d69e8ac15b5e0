/* common/wipe.c: copies of the key zeroed before their memory goes. */
#include "compat.h"
#include <yaml.h>
#include "wipe.h"
#include "unit.h"

/* Whether the n bytes at p are all zero. */
static int all_zero(const void *p, size_t n)
{
	const unsigned char *c = p;

	for (size_t i = 0; i < n; i++)
		if (c[i])
			return 0;
	return 1;
}

START_TEST(string_is_zeroed_up_to_its_nul)
{
	char key[] = "s3cret-key\0tail";

	wipe_string(key);
	ck_assert(all_zero(key, 10));
	ck_assert_str_eq(key + 11, "tail");	/* past the NUL: not its memory to wipe */
	wipe_string(NULL);
}
END_TEST

START_TEST(sbuf_is_released)
{
	struct sbuf sb = SBUF_INIT;

	sbuf_addstr(&sb, "api_key: s3cret");
	wipe_sbuf(&sb);
	ck_assert_uint_eq(sb.len, 0);
	ck_assert_uint_eq(sb.alloc, 0);
	wipe_sbuf(&sb);	/* an empty one too */
}
END_TEST

START_TEST(yaml_scalars_and_buffers_are_zeroed)
{
	static const char text[] = "api_key: s3cret-key\nbase_url: https://acme.syncromsp.com/api/v1\n";
	yaml_parser_t parser;
	yaml_document_t doc;
	int seen = 0;

	ck_assert(yaml_parser_initialize(&parser));
	yaml_parser_set_input_string(&parser, (const unsigned char *)text, strlen(text));
	ck_assert(yaml_parser_load(&parser, &doc));
	for (yaml_node_t *n = doc.nodes.start; n < doc.nodes.top; n++)
		if (n->type == YAML_SCALAR_NODE && !strcmp((char *)n->data.scalar.value, "s3cret-key"))
			seen = 1;
	ck_assert(seen);
	wipe_yaml(&parser, &doc);
	for (yaml_node_t *n = doc.nodes.start; n < doc.nodes.top; n++)
		if (n->type == YAML_SCALAR_NODE)
			ck_assert(all_zero(n->data.scalar.value, n->data.scalar.length));
	ck_assert(all_zero(parser.buffer.start, (size_t)(parser.buffer.end - parser.buffer.start)));
	yaml_document_delete(&doc);
	yaml_parser_delete(&parser);
}
END_TEST

static Suite *wipe_suite(void)
{
	Suite *s = suite_create("wipe");
	TCase *tc = tcase_create("wipe");

	tcase_add_test(tc, string_is_zeroed_up_to_its_nul);
	tcase_add_test(tc, sbuf_is_released);
	tcase_add_test(tc, yaml_scalars_and_buffers_are_zeroed);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(wipe_suite)
