#include "compat.h"
#include <limits.h>
#include "parse-options.h"
#include "usage.h"
#include "utf8.h"
#include "xmalloc.h"

int opt_verbose;

/* The options every verb has; they live in no verb's table. */
static int opt_help;
static const struct option_spec common_options[] = {
	OPT_BOOL('h', "help", &opt_help, "show this help"),
	OPT_BOOL('v', "verbose", &opt_verbose, "trace each request and response on stderr"),
	OPT_END(),
};

const struct program_options *parse_options_program;

/* The application's options for every verb, or NULL. */
static const struct option_spec *program_table(void)
{
	return parse_options_program ? parse_options_program->options : NULL;
}

void print_usage(const struct verb_spec *verb, FILE *fp)
{
	const struct option_spec *tables[] = { verb->options, common_options, program_table() };

	fprintf(fp, "usage: %s\n\n", verb->usage);
	if (verb->summary)
		fprintf(fp, "%s\n\n", verb->summary);
	for (size_t t = 0; t < ARRAY_SIZE(tables); t++) {
		for (const struct option_spec *o = tables[t]; o && o->type != OPTION_END; o++) {
			struct sbuf left = SBUF_INIT;

			if (o->short_name)
				sbuf_addf(&left, "-%c, ", o->short_name);
			else
				sbuf_addstr(&left, "    ");
			sbuf_addf(&left, "--%s", o->long_name);
			if (o->argh)
				sbuf_addf(&left, " %s", o->argh);
			if (left.len < 24)
				fprintf(fp, "    %-24s  %s\n", left.buf, o->help);
			else
				fprintf(fp, "    %s\n    %-24s  %s\n", left.buf, "", o->help);
			sbuf_release(&left);
		}
	}
}

_Noreturn void usage_error(const struct verb_spec *verb, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	fprintf(stderr, "%s: %s\n", program_name(), msg);
	fprintf(stderr, "usage: %s\n", verb->usage);
	fprintf(stderr, "run 'syncro %s --help' for every option\n", verb->name);
	exit(EXIT_USAGE);
}

static const struct option_spec *find_long(const struct verb_spec *verb,
					   const char *name, size_t len)
{
	const struct option_spec *tables[] = { verb->options, common_options, program_table() };

	for (size_t t = 0; t < ARRAY_SIZE(tables); t++)
		for (const struct option_spec *o = tables[t]; o && o->type != OPTION_END; o++)
			if (strlen(o->long_name) == len && !strncmp(o->long_name, name, len))
				return o;
	return NULL;
}

static const struct option_spec *find_short(const struct verb_spec *verb, int c)
{
	const struct option_spec *tables[] = { verb->options, common_options, program_table() };

	for (size_t t = 0; t < ARRAY_SIZE(tables); t++)
		for (const struct option_spec *o = tables[t]; o && o->type != OPTION_END; o++)
			if (o->short_name == c)
				return o;
	return NULL;
}

static void set_value(const struct verb_spec *verb, const struct option_spec *o,
		      const char *arg)
{
	switch (o->type) {
	case OPTION_BOOL:
		*(int *)o->value = 1;
		break;
	case OPTION_STRING:
		*(const char **)o->value = arg;
		break;
	case OPTION_LIST:
		strvec_push(o->value, arg);
		break;
	case OPTION_INT: {
		char *end;
		long n;

		errno = 0;
		n = strtol(arg, &end, 10);
		if (errno || end == arg || *end)
			usage_error(verb, "option '--%s' takes a whole number, not '%s'",
				    o->long_name, arg);
		*(long *)o->value = n;
		break;
	}
	case OPTION_END:
		break;
	}
}

/* ---- the __complete protocol ---- */

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

static int complete_file(const char *values, const char *prefix)
{
	(void)values;
	(void)prefix;
	return 0;
}

/* values is a space-separated word list */
static int complete_values(const char *values, const char *prefix)
{
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

const struct complete_source complete_source_file = { complete_file };
const struct complete_source complete_source_values = { complete_values };

static int complete_with(const struct complete_source *src, const char *values,
			 const char *prefix)
{
	if (!src)
		return DIRECTIVE_NO_FILE;
	return src->complete(values, prefix);
}

static const struct option_spec *option_named(const struct verb_spec *verb, const char *word)
{
	const struct option_spec *tables[] = { verb->options, program_table() };

	for (size_t t = 0; t < ARRAY_SIZE(tables); t++) {
		for (const struct option_spec *o = tables[t]; o && o->type != OPTION_END; o++) {
			if (word[0] == '-' && word[1] == '-' && !strcmp(word + 2, o->long_name))
				return o;
			if (word[0] == '-' && word[1] == o->short_name && o->short_name && !word[2])
				return o;
		}
	}
	return NULL;
}

static void complete_option_names(const struct verb_spec *verb, const char *prefix)
{
	const struct option_spec *tables[] = { verb->options, common_options, program_table() };

	for (size_t t = 0; t < ARRAY_SIZE(tables); t++) {
		for (const struct option_spec *o = tables[t]; o && o->type != OPTION_END; o++) {
			char name[128];

			snprintf(name, sizeof(name), "--%s", o->long_name);
			if (starts_with(name, prefix))
				complete_candidate(name, o->help);
		}
	}
}

int complete_verb(const struct verb_spec *verb, int nwords, const char **words)
{
	const char *current = nwords > 0 ? words[nwords - 1] : "";
	const char *previous = nwords > 1 ? words[nwords - 2] : NULL;
	const struct option_spec *o = previous ? option_named(verb, previous) : NULL;
	int directive;

	if (o && o->type != OPTION_BOOL)
		directive = complete_with(o->complete, o->values, current);
	else if (current[0] == '-') {
		complete_option_names(verb, current);
		directive = DIRECTIVE_NO_FILE;
	} else
		directive = complete_with(verb->operands, NULL, current);
	printf(":%d\n", directive);
	return 0;
}

/* ---- parsing ---- */

int parse_options(const struct verb_spec *verb, int argc, char **argv)
{
	int nr = 0, only_operands = 0;

	if (argc > 1 && !strcmp(argv[1], "__complete"))
		exit(complete_verb(verb, argc - 2, (const char **)argv + 2));

	for (int i = 1; i < argc; i++) {
		char *arg = argv[i];
		const struct option_spec *o;

		if (only_operands || arg[0] != '-' || !arg[1]) {
			argv[nr++] = arg;
			continue;
		}
		if (!strcmp(arg, "--")) {
			only_operands = 1;
			continue;
		}
		if (arg[1] == '-') {
			const char *name = arg + 2, *eq = strchr(name, '=');
			size_t len = eq ? (size_t)(eq - name) : strlen(name);

			o = find_long(verb, name, len);
			if (!o)
				usage_error(verb, "unknown option '--%.*s'", (int)len, name);
			if (o->type == OPTION_BOOL) {
				if (eq)
					usage_error(verb, "option '--%s' takes no value", o->long_name);
				set_value(verb, o, NULL);
			} else if (eq) {
				set_value(verb, o, eq + 1);
			} else if (i + 1 < argc) {
				set_value(verb, o, argv[++i]);
			} else {
				usage_error(verb, "option '--%s' needs a value", o->long_name);
			}
			continue;
		}
		/* A cluster of short options: -yv, -m TEXT, -mTEXT. */
		for (char *p = arg + 1; *p; p++) {
			o = find_short(verb, (unsigned char)*p);
			if (!o)
				usage_error(verb, "unknown option '-%c'", *p);
			if (o->type == OPTION_BOOL) {
				set_value(verb, o, NULL);
				continue;
			}
			if (p[1])
				set_value(verb, o, p + 1);
			else if (i + 1 < argc)
				set_value(verb, o, argv[++i]);
			else
				usage_error(verb, "option '-%c' needs a value", *p);
			break;
		}
	}
	if (opt_help) {
		print_usage(verb, stdout);
		exit(EXIT_OK);
	}
	if (parse_options_program && parse_options_program->parsed)
		parse_options_program->parsed();
	argv[nr] = NULL;
	return nr;
}
