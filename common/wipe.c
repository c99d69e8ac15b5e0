#include "compat.h"
#include <yaml.h>
#include "wipe.h"

void wipe_string(char *s)
{
	if (s)
		explicit_bzero(s, strlen(s));
}

void wipe_sbuf(struct sbuf *sb)
{
	explicit_bzero(sb->buf, sb->alloc ? sb->alloc : sb->len);
	sbuf_release(sb);
}

static void wipe_range(void *start, void *end)
{
	if (start && end > start)
		explicit_bzero(start, (size_t)((char *)end - (char *)start));
}

void wipe_yaml(yaml_parser_t *parser, yaml_document_t *doc)
{
	wipe_range(parser->buffer.start, parser->buffer.end);
	wipe_range(parser->raw_buffer.start, parser->raw_buffer.end);
	if (!doc)
		return;
	for (yaml_node_t *n = doc->nodes.start; n < doc->nodes.top; n++)
		if (n->type == YAML_SCALAR_NODE)
			explicit_bzero(n->data.scalar.value, n->data.scalar.length);
}
