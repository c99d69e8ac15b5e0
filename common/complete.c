#include "compat.h"
#include "complete.h"
#include "invoice-view.h"
#include "profile-users.h"
#include "utf8.h"
#include "verbs.h"

void complete_candidate(const char *value, const char *description)
{
	/*
	 * A tab or newline would break the protocol's lines, and the shell
	 * shows descriptions (ticket subjects) on the terminal: one line each,
	 * no control characters.
	 */
	struct sbuf line = SBUF_INIT;

	utf8_add_safe(&line, value, SAFE_ONE_LINE);
	if (description && *description) {
		sbuf_addch(&line, '\t');
		utf8_add_safe(&line, description, SAFE_ONE_LINE);
	}
	sbuf_addch(&line, '\n');
	fwrite(line.buf, 1, line.len, stdout);
	sbuf_release(&line);
}

int complete_kind(enum complete_kind kind, const char *values, const char *prefix)
{
	switch (kind) {
	case COMPLETE_FILE:
		return 0;
	case COMPLETE_VALUES: {
		/* values is a space-separated word list */
		const char *p = values ? values : "";

		while (*p) {
			size_t len = strcspn(p, " ");
			char word[128];

			snprintf(word, sizeof(word), "%.*s", (int)len, p);
			if (starts_with(word, prefix))
				complete_candidate(word, NULL);
			p += len;
			p += strspn(p, " ");
		}
		return DIRECTIVE_NO_FILE;
	}
	case COMPLETE_VERB:
		for (const struct core_verb *v = core_verbs; v->name; v++)
			if (!v->hidden && starts_with(v->name, prefix))
				complete_candidate(v->name, v->summary);
		return DIRECTIVE_NO_FILE;
	case COMPLETE_TICKET:
		return complete_tickets(prefix);
	case COMPLETE_STATUS:
		return complete_statuses(prefix);
	case COMPLETE_LABOR:
		return complete_labor(prefix);
	case COMPLETE_CUSTOMER:
		return complete_customers(prefix);
	case COMPLETE_TECH:
		return complete_techs(prefix);
	case COMPLETE_PROFILE:
		return complete_profiles(prefix);
	case COMPLETE_INVOICE:
		return complete_invoices(prefix);
	case COMPLETE_NONE:
		break;
	}
	return DIRECTIVE_NO_FILE;
}

static const struct option_spec as_option =
	OPT_STRING_C(0, "as", NULL, "NAME", "use the API key of profile NAME", COMPLETE_PROFILE);

static const struct option_spec *option_named(const struct verb_spec *verb, const char *word)
{
	if (!strcmp(word, "--as"))
		return &as_option;
	for (const struct option_spec *o = verb->options; o && o->type != OPTION_END; o++) {
		if (word[0] == '-' && word[1] == '-' && !strcmp(word + 2, o->long_name))
			return o;
		if (word[0] == '-' && word[1] == o->short_name && o->short_name && !word[2])
			return o;
	}
	return NULL;
}

static void complete_option_names(const struct verb_spec *verb, const char *prefix)
{
	for (const struct option_spec *o = verb->options; o && o->type != OPTION_END; o++) {
		char name[128];

		snprintf(name, sizeof(name), "--%s", o->long_name);
		if (starts_with(name, prefix))
			complete_candidate(name, o->help);
	}
	if (starts_with("--help", prefix))
		complete_candidate("--help", "show this help");
	if (starts_with("--as", prefix))
		complete_candidate("--as", as_option.help);
	if (starts_with("--verbose", prefix))
		complete_candidate("--verbose", "trace each request and response on stderr");
}

int complete_verb(const struct verb_spec *verb, int nwords, const char **words)
{
	const char *current = nwords > 0 ? words[nwords - 1] : "";
	const char *previous = nwords > 1 ? words[nwords - 2] : NULL;
	const struct option_spec *o = previous ? option_named(verb, previous) : NULL;
	int directive;

	if (o && o->type != OPTION_BOOL)
		directive = complete_kind(o->complete, o->values, current);
	else if (current[0] == '-') {
		complete_option_names(verb, current);
		directive = DIRECTIVE_NO_FILE;
	} else
		directive = complete_kind(verb->operands, NULL, current);
	printf(":%d\n", directive);
	return 0;
}
