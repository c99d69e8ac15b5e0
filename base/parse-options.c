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

/* Whether o is an option, not what the table says about the verb. */
static int is_option(const struct option_spec *o)
{
	return o->type == OPTION_BOOL || o->type == OPTION_STRING || o->type == OPTION_INT ||
	       o->type == OPTION_LIST || o->type == OPTION_OPTIONAL;
}

/* Whether o takes the next word as its value ("--time 10"). */
static int takes_next_word(const struct option_spec *o)
{
	return o->type != OPTION_BOOL && o->type != OPTION_OPTIONAL;
}

/* The operand sources after subcommand o (OPT_SUBCOMMAND's args), or NULL. */
static const struct complete_source *const *subcommand_args(const struct option_spec *o)
{
	return (const struct complete_source *const *)(const void *)o->values;
}

/* The own table of subcommand o (OPT_SUBCOMMAND_VERB's spec), or NULL. */
static const struct verb_spec *subcommand_verb(const struct option_spec *o)
{
	return (const struct verb_spec *)(const void *)o->argh;
}

/* The application's options for every verb, or NULL. */
static const struct option_spec *program_table(void)
{
	return parse_options_program ? parse_options_program->options : NULL;
}

static void print_option_line(FILE *fp, const char *left, const char *help)
{
	if (strlen(left) < 24)
		fprintf(fp, "    %-24s  %s\n", left, help);
	else
		fprintf(fp, "    %s\n    %-24s  %s\n", left, "", help);
}

/* The entries of one type of the verb's table, under a heading (none when there are none). */
static void print_entries(const struct verb_spec *verb, enum option_type type,
			  const char *heading, FILE *fp)
{
	int said = 0;

	for (const struct option_spec *o = verb->options; o && o->type != OPTION_END; o++) {
		if (o->type != type)
			continue;
		if (!said++)
			fprintf(fp, "\n%s\n", heading);
		if (type == OPTION_LEARN_MORE)
			fprintf(fp, "    %s\n", o->help);
		else if (type == OPTION_EXAMPLE)
			fprintf(fp, "    %s\n        %s\n", o->long_name, o->help);
		else
			print_option_line(fp, o->long_name, o->help);
	}
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

			if (!is_option(o))
				continue;
			if (o->short_name)
				sbuf_addf(&left, "-%c, ", o->short_name);
			else
				sbuf_addstr(&left, "    ");
			sbuf_addf(&left, "--%s", o->long_name);
			if (o->type == OPTION_OPTIONAL)
				sbuf_addf(&left, "[=%s]", o->argh);
			else if (o->argh)
				sbuf_addf(&left, " %s", o->argh);
			print_option_line(fp, left.buf, o->help);
			sbuf_release(&left);
		}
	}
	print_entries(verb, OPTION_SUBCOMMAND, "SUBCOMMANDS", fp);
	print_entries(verb, OPTION_EXAMPLE, "EXAMPLES", fp);
	print_entries(verb, OPTION_LEARN_MORE, "LEARN MORE", fp);
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
			if (is_option(o) && strlen(o->long_name) == len &&
			    !strncmp(o->long_name, name, len))
				return o;
	return NULL;
}

static const struct option_spec *find_short(const struct verb_spec *verb, int c)
{
	const struct option_spec *tables[] = { verb->options, common_options, program_table() };

	for (size_t t = 0; t < ARRAY_SIZE(tables); t++)
		for (const struct option_spec *o = tables[t]; o && o->type != OPTION_END; o++)
			if (is_option(o) && o->short_name == c)
				return o;
	return NULL;
}

/* The options given so far in this parse, for refusing a repeat and checking groups. */
static struct seen {
	const struct option_spec **v;
	size_t nr, alloc;
} seen;

static int was_seen(const struct option_spec *o)
{
	for (size_t i = 0; i < seen.nr; i++)
		if (seen.v[i] == o)
			return 1;
	return 0;
}

static const struct option_spec *seen_named(const char *name, size_t len)
{
	for (size_t i = 0; i < seen.nr; i++)
		if (strlen(seen.v[i]->long_name) == len && !strncmp(seen.v[i]->long_name, name, len))
			return seen.v[i];
	return NULL;
}

/* negated: --no-X for the OPT_BOOL X. */
static void set_value(const struct verb_spec *verb, const struct option_spec *o,
		      const char *arg, int negated)
{
	if ((o->type == OPTION_STRING || o->type == OPTION_INT || o->type == OPTION_OPTIONAL) &&
	    was_seen(o))
		usage_error(verb, "option '--%s' given twice; give it once", o->long_name);
	if (!was_seen(o)) {
		ALLOC_GROW(seen.v, seen.nr + 1, seen.alloc);
		seen.v[seen.nr++] = o;
	}
	switch (o->type) {
	case OPTION_BOOL:
		*(int *)o->value = !negated;
		break;
	case OPTION_STRING:
	case OPTION_OPTIONAL:
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
	default:
		break;
	}
}

/* The OPT_BOOL X for "no-X" (name, len), when the tables declare no "no-X" itself. */
static const struct option_spec *find_negated(const struct verb_spec *verb,
					      const char *name, size_t len)
{
	const struct option_spec *o;

	if (len <= 3 || strncmp(name, "no-", 3))
		return NULL;
	o = find_long(verb, name + 3, len - 3);
	return o && o->type == OPTION_BOOL ? o : NULL;
}

/* OPT_EXCLUSIVE: at most one option of each group. */
static void check_groups(const struct verb_spec *verb)
{
	for (const struct option_spec *g = verb->options; g && g->type != OPTION_END; g++) {
		const struct option_spec *first = NULL;
		const char *p;

		if (g->type != OPTION_EXCLUSIVE)
			continue;
		for (p = g->long_name; *p; p += strspn(p, " ")) {
			size_t len = strcspn(p, " ");
			const struct option_spec *o = seen_named(p, len);

			p += len;
			/* a boolean turned off again (--no-X last) is not there */
			if (!o || (o->type == OPTION_BOOL && !*(int *)o->value))
				continue;
			if (first)
				usage_error(verb, "'--%s' and '--%s' cannot go together",
					    first->long_name, o->long_name);
			first = o;
		}
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
			if (!is_option(o))
				continue;
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

			if (!is_option(o))
				continue;
			snprintf(name, sizeof(name), "--%s", o->long_name);
			if (starts_with(name, prefix))
				complete_candidate(name, o->help);
		}
	}
}

/* The subcommand named arg, or NULL. */
static const struct option_spec *find_subcommand(const struct verb_spec *verb, const char *arg)
{
	for (const struct option_spec *o = verb->options; o && o->type != OPTION_END; o++)
		if (o->type == OPTION_SUBCOMMAND && !strcmp(o->long_name, arg))
			return o;
	return NULL;
}

/* --no-X for the booleans, when what is typed starts with "--no-". */
static void complete_negations(const struct verb_spec *verb, const char *prefix)
{
	if (!starts_with(prefix, "--no-"))
		return;
	for (const struct option_spec *o = verb->options; o && o->type != OPTION_END; o++) {
		char name[128];

		if (o->type != OPTION_BOOL)
			continue;
		snprintf(name, sizeof(name), "no-%s", o->long_name);
		if (find_long(verb, name, strlen(name)))
			continue;	/* the table declares it */
		snprintf(name, sizeof(name), "--no-%s", o->long_name);
		if (starts_with(name, prefix))
			complete_candidate(name, NULL);
	}
}

/* The operand at position n (0: the first) of words typed before it. */
static int complete_operand(const struct verb_spec *verb, const char **operands, int n,
			    const char *current)
{
	const struct option_spec *sub = n > 0 ? find_subcommand(verb, operands[0]) : NULL;
	int directive = 0, subs = 0;

	if (sub) {
		const struct complete_source *const *args = subcommand_args(sub);

		for (int k = 0; args && args[k]; k++)
			if (k == n - 1)
				return complete_with(args[k], NULL, current);
		return DIRECTIVE_NO_FILE;
	}
	if (n == 0) {
		for (const struct option_spec *o = verb->options; o && o->type != OPTION_END; o++) {
			if (o->type != OPTION_SUBCOMMAND)
				continue;
			subs = 1;
			if (starts_with(o->long_name, current))
				complete_candidate(o->long_name, o->help);
		}
		if (subs)
			directive = DIRECTIVE_NO_FILE;
	}
	if (!verb->operands)
		return DIRECTIVE_NO_FILE;
	return directive | complete_with(verb->operands, NULL, current);
}

int complete_verb(const struct verb_spec *verb, int nwords, const char **words)
{
	const char *current = nwords > 0 ? words[nwords - 1] : "";
	const char *previous = nwords > 1 ? words[nwords - 2] : NULL;
	const struct option_spec *sub = nwords > 1 ? find_subcommand(verb, words[0]) : NULL;
	/* after a subcommand with its own table, its options; its operands still from args */
	const struct verb_spec *table = sub && subcommand_verb(sub) ? subcommand_verb(sub) : verb;
	const struct option_spec *o = previous ? option_named(table, previous) : NULL;
	const char **operands = xcalloc((size_t)nwords + 1, sizeof(*operands));
	int n = 0, directive;

	/* The operands typed before the current word: not options, nor their values. */
	for (int i = 0; i < nwords - 1; i++) {
		const struct option_spec *opt;

		if (words[i][0] != '-' || !words[i][1]) {
			operands[n++] = words[i];
			continue;
		}
		opt = option_named(table, words[i]);
		if (opt && takes_next_word(opt))
			i++;
	}
	if (o && takes_next_word(o))
		directive = complete_with(o->complete, o->values, current);
	else if (current[0] == '-') {
		complete_option_names(table, current);
		complete_negations(table, current);
		directive = DIRECTIVE_NO_FILE;
	} else
		directive = complete_operand(verb, operands, n, current);
	free(operands);
	printf(":%d\n", directive);
	return 0;
}

/* ---- parsing ---- */

int parse_options(const struct verb_spec *verb, int argc, char **argv)
{
	int nr = 0, only_operands = 0;

	if (argc > 1 && !strcmp(argv[1], "__complete"))
		exit(complete_verb(verb, argc - 2, (const char **)argv + 2));
	if (argc > 1) {
		const struct option_spec *sub = find_subcommand(verb, argv[1]);

		if (sub && subcommand_verb(sub)) {
			*(const char **)sub->value = sub->long_name;
			nr = parse_options(subcommand_verb(sub), argc - 1, argv + 1);
			argv[0] = (char *)sub->long_name;
			return nr + 1;
		}
	}

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

			int negated = 0;

			o = find_long(verb, name, len);
			if (!o && (o = find_negated(verb, name, len)))
				negated = 1;
			if (!o)
				usage_error(verb, "unknown option '--%.*s'", (int)len, name);
			if (o->type == OPTION_BOOL) {
				if (eq)
					usage_error(verb, "option '--%.*s' takes no value", (int)len, name);
				set_value(verb, o, NULL, negated);
			} else if (o->type == OPTION_OPTIONAL) {
				set_value(verb, o, eq ? eq + 1 : "", 0);
			} else if (eq) {
				set_value(verb, o, eq + 1, 0);
			} else if (i + 1 < argc) {
				set_value(verb, o, argv[++i], 0);
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
			if (o->type == OPTION_BOOL || o->type == OPTION_OPTIONAL) {
				set_value(verb, o, o->type == OPTION_BOOL ? NULL : "", 0);
				continue;
			}
			if (p[1])
				set_value(verb, o, p + 1, 0);
			else if (i + 1 < argc)
				set_value(verb, o, argv[++i], 0);
			else
				usage_error(verb, "option '-%c' needs a value", *p);
			break;
		}
	}
	if (opt_help) {
		print_usage(verb, stdout);
		exit(EXIT_OK);
	}
	check_groups(verb);
	free(seen.v);
	seen.v = NULL;
	seen.nr = seen.alloc = 0;
	if (nr > 0) {
		const struct option_spec *sub = find_subcommand(verb, argv[0]);

		if (sub && subcommand_verb(sub))
			usage_error(verb, "give the options after the subcommand: 'syncro %s %s [options]'",
				    verb->name, sub->long_name);
		if (sub)
			*(const char **)sub->value = sub->long_name;
	}
	if (parse_options_program && parse_options_program->parsed)
		parse_options_program->parsed();
	argv[nr] = NULL;
	return nr;
}
