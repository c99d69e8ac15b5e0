#include "compat.h"
#include <fcntl.h>
#include <sys/stat.h>
#include <yaml.h>
#include "complete.h"
#include "config.h"
#include "name-match.h"
#include "sbuf.h"
#include "usage.h"
#include "wipe.h"
#include "xmalloc.h"

/* ---- names ---- */

const char *config_source_name(enum setting_source src)
{
	switch (src) {
	case SOURCE_FILE:
		return "file";
	case SOURCE_ENV:
		return "env";
	case SOURCE_DEFAULT:
		break;
	}
	return "default";
}

const char *config_billing_method_name(enum billing_method m)
{
	switch (m) {
	case BILLING_LINE_ITEM:
		return "line-item";
	case BILLING_COMMENT:
		return "comment";
	case BILLING_TIMER:
		break;
	}
	return "timer";
}

const char *config_auth_mode_name(enum auth_mode m)
{
	return m == AUTH_QUERY ? "query" : "header";
}

/* ---- defaults ---- */

static const struct {
	const char *alias;
	long id;
} default_labor[] = {
	{ "remote", 1190473 },
	{ "onsite", 26118 },
	{ "emergency", 26184 },
	{ "project", 9269129 },
	{ "internal", 9269124 },
	{ "travel", 26117 },
	{ "website", 68055 },
};

/* Set alias to product id with no price policy; the entry (the config's). */
static struct labor_product *set_labor(struct syncro_config *cfg, const char *alias, long id,
				       enum setting_source src)
{
	for (size_t i = 0; i < cfg->labor_nr; i++) {
		if (!strcmp(cfg->labor[i].alias, alias)) {
			cfg->labor[i].product_id = id;
			cfg->labor[i].source = src;
			cfg->labor[i].rate = -1;
			cfg->labor[i].multiplier = 1;
			cfg->labor[i].taxable = 0;
			free(cfg->labor[i].subject_prefix);
			cfg->labor[i].subject_prefix = NULL;
			return &cfg->labor[i];
		}
	}
	cfg->labor = xreallocarray(cfg->labor, cfg->labor_nr + 1, sizeof(*cfg->labor));
	cfg->labor[cfg->labor_nr].alias = xstrdup(alias);
	cfg->labor[cfg->labor_nr].product_id = id;
	cfg->labor[cfg->labor_nr].source = src;
	cfg->labor[cfg->labor_nr].rate = -1;
	cfg->labor[cfg->labor_nr].multiplier = 1;
	cfg->labor[cfg->labor_nr].taxable = 0;
	cfg->labor[cfg->labor_nr].subject_prefix = NULL;
	return &cfg->labor[cfg->labor_nr++];
}

static void set_defaults(struct syncro_config *cfg)
{
	memset(cfg, 0, sizeof(*cfg));
	cfg->auth = AUTH_HEADER;
	cfg->timeout = 30;
	cfg->connect_timeout = 10;
	cfg->rate_limit_per_minute = 180;
	cfg->rate_limit_wait = 60;
	cfg->rate_limit_max_wait = 600;
	cfg->connection_keep = 600;
	cfg->vault_field = xstrdup("credentials.credential");
	cfg->labor_default = xstrdup("remote");
	cfg->labor_default_minutes = 60;
	for (size_t i = 0; i < ARRAY_SIZE(default_labor); i++)
		set_labor(cfg, default_labor[i].alias, default_labor[i].id, SOURCE_DEFAULT);
	cfg->labor_max_minutes = 480;
	cfg->billing = BILLING_LINE_ITEM;
	cfg->billing_status = xstrdup("Invoiced");
	cfg->close_status = xstrdup("Resolved");
	cfg->estimate_prefix = xstrdup("Estimate - ");
	cfg->session_logs = xdg_data_path(NULL);
}

/* ---- the file ---- */

enum value_kind {
	V_STRING, V_PATH, V_NUMBER, V_BOOL, V_AUTH, V_BILLING, V_SUBDOMAIN,
	V_URL, V_MAP, V_PRODUCTS, V_PROFILES, V_CONFIRM, V_DURATION,
};

struct key_spec {
	const char *name;
	enum value_kind kind;
	enum setting_id id;
	size_t offset;		/* of the char * or long in struct syncro_config */
	long min;		/* V_NUMBER: the smallest value allowed */
	const struct key_spec *children;	/* V_MAP */
};

#define AT(field) offsetof(struct syncro_config, field)

static const struct key_spec vault_keys[] = {
	{ "file", V_PATH, SET_VAULT_FILE, AT(vault_file), 0, NULL },
	{ "field", V_STRING, SET_VAULT_FIELD, AT(vault_field), 0, NULL },
	{ NULL, 0, 0, 0, 0, NULL }
};

static const struct key_spec rate_limit_keys[] = {
	{ "per_minute", V_NUMBER, SET_RATE_PER_MINUTE, AT(rate_limit_per_minute), 1, NULL },
	{ "wait", V_NUMBER, SET_RATE_WAIT, AT(rate_limit_wait), 0, NULL },
	{ "max_wait", V_NUMBER, SET_RATE_MAX_WAIT, AT(rate_limit_max_wait), 0, NULL },
	{ NULL, 0, 0, 0, 0, NULL }
};

static const struct key_spec tls_keys[] = {
	{ "ca_file", V_PATH, SET_TLS_CA_FILE, AT(tls_ca_file), 0, NULL },
	{ NULL, 0, 0, 0, 0, NULL }
};

static const struct key_spec connection_keys[] = {
	{ "keep", V_DURATION, SET_CONNECTION_KEEP, AT(connection_keep), 0, NULL },
	{ NULL, 0, 0, 0, 0, NULL }
};

static const struct key_spec labor_keys[] = {
	{ "default", V_STRING, SET_LABOR_DEFAULT, AT(labor_default), 0, NULL },
	{ "default_minutes", V_NUMBER, SET_LABOR_DEFAULT_MINUTES, AT(labor_default_minutes), 1, NULL },
	{ "max_minutes", V_NUMBER, SET_LABOR_MAX_MINUTES, AT(labor_max_minutes), 1, NULL },
	{ "products", V_PRODUCTS, 0, 0, 0, NULL },
	{ NULL, 0, 0, 0, 0, NULL }
};

static const struct key_spec billing_keys[] = {
	{ "method", V_BILLING, SET_BILLING, 0, 0, NULL },
	{ "status", V_STRING, SET_BILLING_STATUS, AT(billing_status), 0, NULL },
	{ NULL, 0, 0, 0, 0, NULL }
};

static const struct key_spec estimate_keys[] = {
	{ "subject_prefix", V_STRING, SET_ESTIMATE_PREFIX, AT(estimate_prefix), 0, NULL },
	{ NULL, 0, 0, 0, 0, NULL }
};

static const struct key_spec comments_keys[] = {
	{ "email", V_BOOL, SET_EMAIL_COMMENTS, 0, 0, NULL },
	{ NULL, 0, 0, 0, 0, NULL }
};

struct parse;
static void walk_profiles(struct parse *p, const yaml_node_t *map, const char *key);

static const struct key_spec profile_keys[] = {
	{ "api_key_command", V_STRING, SET_API_KEY_COMMAND, AT(api_key_command), 0, NULL },
	{ "vault", V_MAP, 0, 0, 0, vault_keys },
	{ "api_key", V_STRING, SET_API_KEY, AT(api_key), 0, NULL },
	{ NULL, 0, 0, 0, 0, NULL }
};

static const struct key_spec top_keys[] = {
	{ "subdomain", V_SUBDOMAIN, SET_SUBDOMAIN, AT(subdomain), 0, NULL },
	{ "base_url", V_URL, SET_BASE_URL, AT(base_url), 0, NULL },
	{ "api_key_command", V_STRING, SET_API_KEY_COMMAND, AT(api_key_command), 0, NULL },
	{ "vault", V_MAP, 0, 0, 0, vault_keys },
	{ "api_key", V_STRING, SET_API_KEY, AT(api_key), 0, NULL },
	{ "auth", V_AUTH, SET_AUTH, 0, 0, NULL },
	{ "timeout", V_NUMBER, SET_TIMEOUT, AT(timeout), 1, NULL },
	{ "connect_timeout", V_NUMBER, SET_CONNECT_TIMEOUT, AT(connect_timeout), 1, NULL },
	{ "rate_limit", V_MAP, 0, 0, 0, rate_limit_keys },
	{ "tls", V_MAP, 0, 0, 0, tls_keys },
	{ "connection", V_MAP, 0, 0, 0, connection_keys },
	{ "labor", V_MAP, 0, 0, 0, labor_keys },
	{ "billing", V_MAP, 0, 0, 0, billing_keys },
	{ "comments", V_MAP, 0, 0, 0, comments_keys },
	{ "close_status", V_STRING, SET_CLOSE_STATUS, AT(close_status), 0, NULL },
	{ "session_logs", V_PATH, SET_SESSION_LOGS, AT(session_logs), 0, NULL },
	{ "profiles", V_PROFILES, 0, 0, 0, NULL },
	{ "default_profile", V_STRING, SET_PROFILE, AT(default_profile), 0, NULL },
	{ "confirm", V_CONFIRM, SET_CONFIRM, 0, 0, NULL },
	{ "estimate", V_MAP, 0, 0, 0, estimate_keys },
	{ NULL, 0, 0, 0, 0, NULL }
};

struct parse {
	struct syncro_config *cfg;
	yaml_document_t *doc;
	yaml_mark_t labor_default_mark;
	int labor_default_set;
};

static _Noreturn PRINTF_LIKE(3, 4)
void bad_value(struct parse *p, const yaml_node_t *node, const char *fmt, ...)
{
	struct sbuf msg = SBUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	sbuf_vaddf(&msg, fmt, ap);
	va_end(ap);
	die_with(EXIT_AUTH, "%s:%lu:%lu: %s", p->cfg->path,
		 (unsigned long)node->start_mark.line + 1,
		 (unsigned long)node->start_mark.column + 1, msg.buf);
}

static const char *scalar(const yaml_node_t *node)
{
	return (const char *)node->data.scalar.value;
}

/* A YAML null (`key:` with nothing, `~`, `null`) leaves the default. */
static int is_null(const yaml_node_t *node)
{
	const char *v;

	if (node->type != YAML_SCALAR_NODE)
		return 0;
	v = scalar(node);
	if (!*v)
		return 1;
	return node->data.scalar.style == YAML_PLAIN_SCALAR_STYLE &&
		(!strcmp(v, "~") || !strcmp(v, "null") || !strcmp(v, "Null") ||
		 !strcmp(v, "NULL"));
}

static const char *need_string(struct parse *p, const yaml_node_t *node, const char *key)
{
	if (node->type != YAML_SCALAR_NODE)
		bad_value(p, node, "expected a string for '%s'", key);
	return scalar(node);
}

/* A whole number >= min, or -1 when it is not one. */
static long parse_number(const char *s, long min)
{
	char *end;
	long n;

	errno = 0;
	n = strtol(s, &end, 10);
	if (errno || end == s || *end || n < min || *s == '-' || *s == '+' || *s == ' ')
		return -1;
	return n;
}

/* A duration: whole seconds, or a number with s, m, h or d ("10m"); -1 if not one. */
static long parse_duration(const char *s)
{
	static const struct { char unit; long seconds; } units[] = {
		{ 's', 1 }, { 'm', 60 }, { 'h', 3600 }, { 'd', 86400 },
	};
	size_t digits = strspn(s, "0123456789");
	long n = 0;

	if (!digits || digits > 7 || (s[digits] && s[digits + 1]))
		return -1;
	for (size_t i = 0; i < digits; i++)
		n = n * 10 + (s[i] - '0');
	if (!s[digits])
		return n;
	for (size_t i = 0; i < ARRAY_SIZE(units); i++)
		if (s[digits] == units[i].unit)
			return n * units[i].seconds;
	return -1;
}

static int valid_subdomain(const char *s)
{
	if (!*s)
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-'))
			return 0;
	return 1;
}

static int valid_url(const char *s)
{
	return !strncmp(s, "https://", 8) || !strncmp(s, "http://", 7);
}

static int valid_alias(const char *s)
{
	int letters = 0;

	if (!*s)
		return 0;
	for (; *s; s++) {
		if ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || *s == '_' || *s == '-')
			letters = 1;
		else if (!(*s >= '0' && *s <= '9'))
			return 0;
	}
	return letters;
}

static void strip_trailing_slashes(char *url)
{
	size_t len = strlen(url);

	while (len && url[len - 1] == '/')
		url[--len] = '\0';
}

static char **string_field(struct syncro_config *cfg, size_t offset)
{
	return (char **)((char *)cfg + offset);
}

static long *long_field(struct syncro_config *cfg, size_t offset)
{
	return (long *)((char *)cfg + offset);
}

static void walk_map(struct parse *p, const yaml_node_t *map,
		     const struct key_spec *keys, const char *prefix);

/* A number of dollars or a factor (150, 62.5), >= 0; -1 when it is not one. */
static double parse_decimal(const char *s)
{
	char *end;
	double d;

	if (!*s || *s == '-' || *s == '+' || *s == ' ')
		return -1;
	errno = 0;
	d = strtod(s, &end);
	if (errno || *end || d != d || d > 1e9)
		return -1;
	return d;
}

static int parse_bool(const char *s, int *out)
{
	if (!strcasecmp(s, "true") || !strcasecmp(s, "yes") || !strcasecmp(s, "on"))
		*out = 1;
	else if (!strcasecmp(s, "false") || !strcasecmp(s, "no") || !strcasecmp(s, "off"))
		*out = 0;
	else
		return -1;
	return 0;
}

/* alias: {product: ID, rate, multiplier, taxable, subject_prefix}. */
static void walk_policy(struct parse *p, const yaml_node_t *map, const char *alias,
			const char *name)
{
	struct labor_product policy = { NULL, -1, SOURCE_FILE, -1, 1, 0, NULL };
	struct labor_product *entry;

	for (yaml_node_pair_t *pair = map->data.mapping.pairs.start;
	     pair < map->data.mapping.pairs.top; pair++) {
		yaml_node_t *k = yaml_document_get_node(p->doc, pair->key);
		yaml_node_t *v = yaml_document_get_node(p->doc, pair->value);
		const char *key = k->type == YAML_SCALAR_NODE ? scalar(k) : "";
		const char *val = v->type == YAML_SCALAR_NODE ? scalar(v) : NULL;

		if (!strcmp(key, "product")) {
			if (!val || (policy.product_id = parse_number(val, 1)) < 0)
				bad_value(p, v, "expected a product id for '%s.product'", name);
		} else if (!strcmp(key, "rate")) {
			if (!val || (policy.rate = parse_decimal(val)) < 0)
				bad_value(p, v, "expected a price such as 150 or 62.50 for '%s.rate'",
					  name);
		} else if (!strcmp(key, "multiplier")) {
			if (!val || (policy.multiplier = parse_decimal(val)) <= 0)
				bad_value(p, v, "expected a factor above 0 such as 1.5 for "
					  "'%s.multiplier'", name);
		} else if (!strcmp(key, "taxable")) {
			if (!val || parse_bool(val, &policy.taxable))
				bad_value(p, v, "expected true or false for '%s.taxable'", name);
		} else if (!strcmp(key, "subject_prefix")) {
			if (!val)
				bad_value(p, v, "expected a string for '%s.subject_prefix'", name);
			free(policy.subject_prefix);
			policy.subject_prefix = xstrdup(val);
		} else {
			bad_value(p, k, "expected product, rate, multiplier, taxable or "
				  "subject_prefix in '%s', not '%s'", name, key);
		}
	}
	if (policy.product_id < 0)
		bad_value(p, map, "expected 'product: ID' in '%s'", name);
	entry = set_labor(p->cfg, alias, policy.product_id, SOURCE_FILE);
	entry->rate = policy.rate;
	entry->multiplier = policy.multiplier;
	entry->taxable = policy.taxable;
	entry->subject_prefix = policy.subject_prefix;
}

/*
 * A mapping of NAME: value whose names are aliases (labor.products,
 * profiles): fn gets each name, its value node and "key.NAME" for messages.
 */
typedef void (*named_fn)(struct parse *p, const yaml_node_t *k, const yaml_node_t *v,
			 const char *full);

static void walk_named(struct parse *p, const yaml_node_t *map, const char *key,
		       const char *what, const char *noun, named_fn fn)
{
	if (map->type != YAML_MAPPING_NODE)
		bad_value(p, map, "expected a mapping of %s for '%s'", what, key);
	for (yaml_node_pair_t *pair = map->data.mapping.pairs.start;
	     pair < map->data.mapping.pairs.top; pair++) {
		yaml_node_t *k = yaml_document_get_node(p->doc, pair->key);
		yaml_node_t *v = yaml_document_get_node(p->doc, pair->value);
		char *name;

		if (k->type != YAML_SCALAR_NODE || !valid_alias(scalar(k)))
			bad_value(p, k, "expected %s of letters, digits, '-' or '_' in '%s'", noun, key);
		name = xstrfmt("%s.%s", key, scalar(k));
		fn(p, k, v, name);
		free(name);
	}
}

static void add_product(struct parse *p, const yaml_node_t *k, const yaml_node_t *v,
			const char *name)
{
	long id;

	if (v->type == YAML_MAPPING_NODE)
		walk_policy(p, v, scalar(k), name);
	else if (v->type != YAML_SCALAR_NODE || (id = parse_number(scalar(v), 1)) < 0)
		bad_value(p, v, "expected a product id, or a mapping with 'product:', for '%s'",
			  name);
	else
		set_labor(p->cfg, scalar(k), id, SOURCE_FILE);
}

static void walk_products(struct parse *p, const yaml_node_t *map, const char *key)
{
	walk_named(p, map, key, "alias: product id", "an alias", add_product);
}

static void set_value(struct parse *p, const struct key_spec *spec,
		      const yaml_node_t *node, const char *key)
{
	struct syncro_config *cfg = p->cfg;
	const char *s;
	long n;

	if (is_null(node))
		return;
	switch (spec->kind) {
	case V_MAP:
		if (node->type != YAML_MAPPING_NODE)
			bad_value(p, node, "expected a mapping for '%s'", key);
		walk_map(p, node, spec->children, key);
		return;
	case V_PRODUCTS:
		walk_products(p, node, key);
		return;
	case V_PROFILES:
		walk_profiles(p, node, key);
		return;
	case V_STRING:
		s = need_string(p, node, key);
		free(*string_field(cfg, spec->offset));
		*string_field(cfg, spec->offset) = xstrdup(s);
		if (spec->id == SET_LABOR_DEFAULT) {
			p->labor_default_mark = node->start_mark;
			p->labor_default_set = 1;
		}
		break;
	case V_PATH:
		s = need_string(p, node, key);
		free(*string_field(cfg, spec->offset));
		*string_field(cfg, spec->offset) = expand_home(s);
		break;
	case V_SUBDOMAIN:
		s = need_string(p, node, key);
		if (!valid_subdomain(s))
			bad_value(p, node, "expected lowercase letters, digits and '-' for '%s' "
				  "(the SUB of SUB.syncromsp.com)", key);
		free(cfg->subdomain);
		cfg->subdomain = xstrdup(s);
		break;
	case V_URL:
		s = need_string(p, node, key);
		if (!valid_url(s))
			bad_value(p, node, "expected a URL starting with https:// for '%s'", key);
		free(cfg->base_url);
		cfg->base_url = xstrdup(s);
		strip_trailing_slashes(cfg->base_url);
		break;
	case V_NUMBER:
		if (node->type != YAML_SCALAR_NODE ||
		    (n = parse_number(scalar(node), 0)) < 0)
			bad_value(p, node, "expected a number for '%s'", key);
		if (n < spec->min)
			bad_value(p, node, "expected a number of at least %ld for '%s'",
				  spec->min, key);
		*long_field(cfg, spec->offset) = n;
		break;
	case V_DURATION:
		if (node->type != YAML_SCALAR_NODE || (n = parse_duration(scalar(node))) < 0)
			bad_value(p, node, "expected a duration like 10m, 30s or 0 for '%s'", key);
		*long_field(cfg, spec->offset) = n;
		break;
	case V_BOOL:
		s = need_string(p, node, key);
		if (parse_bool(s, &cfg->email_comments))
			bad_value(p, node, "expected true or false for '%s'", key);
		break;
	case V_AUTH:
		s = need_string(p, node, key);
		if (!strcmp(s, "header"))
			cfg->auth = AUTH_HEADER;
		else if (!strcmp(s, "query"))
			cfg->auth = AUTH_QUERY;
		else
			bad_value(p, node, "expected 'header' or 'query' for '%s'", key);
		break;
	case V_CONFIRM:
		s = need_string(p, node, key);
		if (!strcmp(s, "writes"))
			cfg->confirm_writes = 1;
		else if (!strcmp(s, "none"))
			cfg->confirm_writes = 0;
		else
			bad_value(p, node, "expected 'writes' or 'none' for '%s'", key);
		break;
	case V_BILLING:
		s = need_string(p, node, key);
		if (!strcmp(s, "timer"))
			cfg->billing = BILLING_TIMER;
		else if (!strcmp(s, "line-item"))
			cfg->billing = BILLING_LINE_ITEM;
		else if (!strcmp(s, "comment"))
			cfg->billing = BILLING_COMMENT;
		else
			bad_value(p, node, "expected 'timer', 'line-item' or 'comment' for '%s'", key);
		break;
	}
	cfg->source[spec->id] = SOURCE_FILE;
}

static void walk_map(struct parse *p, const yaml_node_t *map,
		     const struct key_spec *keys, const char *prefix)
{
	for (yaml_node_pair_t *pair = map->data.mapping.pairs.start;
	     pair < map->data.mapping.pairs.top; pair++) {
		yaml_node_t *k = yaml_document_get_node(p->doc, pair->key);
		yaml_node_t *v = yaml_document_get_node(p->doc, pair->value);
		const struct key_spec *spec;
		char *name;

		if (k->type != YAML_SCALAR_NODE)
			bad_value(p, k, "expected a key name%s%s", prefix ? " in " : "",
				  prefix ? prefix : "");
		name = prefix ? xstrfmt("%s.%s", prefix, scalar(k)) : xstrdup(scalar(k));
		for (spec = keys; spec->name; spec++)
			if (!strcmp(spec->name, scalar(k)))
				break;
		if (spec->name) {
			set_value(p, spec, v, name);
		} else {
			char *closest = config_key_closest(name);

			if (closest)
				warning("unknown key '%s' in %s; did you mean '%s'?", name,
					p->cfg->path, closest);
			else
				warning("unknown key '%s' in %s", name, p->cfg->path);
			free(closest);
		}
		free(name);
	}
}

/*
 * profiles: {NAME: {api_key_command | vault | api_key}}: each parsed into a
 * scratch config with the same key table, then kept as a config_profile.
 */
static void add_profile(struct parse *p, const yaml_node_t *k, const yaml_node_t *v,
			const char *name)
{
	struct syncro_config scratch = { 0 };
	struct parse sp = { &scratch, p->doc, { 0, 0, 0 }, 0 };
	struct config_profile *prof;

	if (config_find_profile(p->cfg, scalar(k)))
		bad_value(p, k, "profile '%s' is defined twice", scalar(k));
	if (v->type != YAML_MAPPING_NODE)
		bad_value(p, v, "expected a mapping with api_key_command, vault or api_key for '%s'", name);
	scratch.path = p->cfg->path;	/* borrowed, for messages */
	walk_map(&sp, v, profile_keys, name);
	ALLOC_GROW(p->cfg->profiles, p->cfg->profiles_nr + 1, p->cfg->profiles_alloc);
	prof = &p->cfg->profiles[p->cfg->profiles_nr++];
	prof->name = xstrdup(scalar(k));
	prof->api_key_command = scratch.api_key_command;
	prof->vault_file = scratch.vault_file;
	prof->vault_field = scratch.vault_field ? scratch.vault_field :
		xstrdup("credentials.credential");
	prof->api_key = scratch.api_key;
}

static void walk_profiles(struct parse *p, const yaml_node_t *map, const char *key)
{
	walk_named(p, map, key, "name: key source", "a profile name", add_profile);
}

static void add_key_names(struct strvec *out, const struct key_spec *keys, const char *prefix)
{
	for (const struct key_spec *k = keys; k->name; k++) {
		char *name = prefix ? xstrfmt("%s.%s", prefix, k->name) : xstrdup(k->name);

		if (k->kind == V_MAP)
			add_key_names(out, k->children, name);
		else if (k->kind == V_PRODUCTS)
			strvec_pushf(out, "%s.NAME", name);
		else if (k->kind == V_PROFILES)
			add_key_names(out, profile_keys, "profiles.NAME");
		else
			strvec_push(out, name);
		free(name);
	}
}

void config_key_names(struct strvec *out)
{
	add_key_names(out, top_keys, NULL);
}

/* key is one of config_key_names() as it is. */
static int config_key_known_exactly(const char *key)
{
	struct strvec names = STRVEC_INIT;
	int known = 0;

	config_key_names(&names);
	for (size_t i = 0; i < names.nr && !known; i++)
		known = !strcmp(names.v[i], key);
	strvec_clear(&names);
	return known;
}

int config_key_known(const char *key)
{
	static const char products[] = "labor.products.", profiles[] = "profiles.";
	const char *dot;
	int known;

	if (!strncmp(key, products, strlen(products)))
		return valid_alias(key + strlen(products));
	/* profiles.NAME.KEY: any NAME, a key of the profile table */
	if (!strncmp(key, profiles, strlen(profiles)) && (dot = strchr(key + strlen(profiles), '.'))) {
		char *name = xstrndup(key + strlen(profiles), (size_t)(dot - key) - strlen(profiles));
		char *generic = xstrfmt("profiles.NAME%s", dot);

		known = valid_alias(name) && config_key_known_exactly(generic);
		free(name);
		free(generic);
		return known;
	}
	return config_key_known_exactly(key);
}

char *config_key_closest(const char *key)
{
	struct strvec names = STRVEC_INIT;
	const char *closest;
	char *found;

	config_key_names(&names);
	closest = name_match_closest(&names, key);
	found = closest ? xstrdup(closest) : NULL;
	strvec_clear(&names);
	return found;
}

static _Noreturn void syntax_error(const char *path, const yaml_parser_t *parser)
{
	struct sbuf msg = SBUF_INIT;

	if (parser->error == YAML_READER_ERROR) {
		die_with(EXIT_AUTH, "%s: %s at byte %lu", path,
			 parser->problem ? parser->problem : "cannot read the file",
			 (unsigned long)parser->problem_offset);
	}
	sbuf_addf(&msg, "%s:%lu:%lu: %s", path,
		  (unsigned long)parser->problem_mark.line + 1,
		  (unsigned long)parser->problem_mark.column + 1,
		  parser->problem ? parser->problem : "invalid YAML");
	if (parser->context)
		sbuf_addf(&msg, " (%s at line %lu column %lu)", parser->context,
			  (unsigned long)parser->context_mark.line + 1,
			  (unsigned long)parser->context_mark.column + 1);
	die_with(EXIT_AUTH, "%s", msg.buf);
}

static void parse_file(struct syncro_config *cfg, const char *text, size_t len)
{
	yaml_parser_t parser;
	yaml_document_t doc;
	yaml_node_t *root;
	struct parse p = { cfg, &doc, { 0, 0, 0 }, 0 };

	if (!yaml_parser_initialize(&parser))
		die("out of memory");
	yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
	if (!yaml_parser_load(&parser, &doc))
		syntax_error(cfg->path, &parser);
	root = yaml_document_get_root_node(&doc);
	if (root && !is_null(root)) {
		if (root->type != YAML_MAPPING_NODE)
			bad_value(&p, root, "expected 'key: value' settings at the top level");
		walk_map(&p, root, top_keys, NULL);
	}
	if (p.labor_default_set && config_labor_product(cfg, cfg->labor_default) < 0) {
		yaml_node_t at = { 0 };

		at.start_mark = p.labor_default_mark;
		bad_value(&p, &at, "expected a labor alias from 'labor.products' or a "
			  "product id for 'labor.default', not '%s'", cfg->labor_default);
	}
	/* The file may hold api_key: its text and scalars go, not just the nodes. */
	wipe_yaml(&parser, &doc);
	yaml_document_delete(&doc);
	yaml_parser_delete(&parser);
}

/* Read and parse the file; a missing one is fine. */
static int read_file(struct syncro_config *cfg)
{
	struct sbuf text = SBUF_INIT;
	struct stat st;
	int fd = open(cfg->path, O_RDONLY | O_CLOEXEC);

	cfg->file_mode_ok = 1;
	if (fd < 0) {
		if (errno == ENOENT)
			return 0;
		return error_errno("cannot read config file '%s'", cfg->path);
	}
	if (fstat(fd, &st) < 0 || sbuf_read_fd(&text, fd) < 0) {
		int ret = error_errno("cannot read config file '%s'", cfg->path);

		close(fd);
		wipe_sbuf(&text);
		return ret;
	}
	close(fd);
	cfg->file_exists = 1;
	/* by the mode bits; on Windows, whose are made up, by the ACL */
	cfg->file_mode_ok = compat_others_may(cfg->path, 0) == 0;
	parse_file(cfg, text.buf, text.len);
	wipe_sbuf(&text);
	return 0;
}

/* ---- the environment ---- */

static const char *env_value(const char *name)
{
	const char *v = getenv(name);

	return v && *v ? v : NULL;
}

/* SYNCRO_BASE_URL > SYNCRO_SUBDOMAIN > base_url > subdomain. */
static void resolve_base_url(struct syncro_config *cfg)
{
	const char *url = env_value("SYNCRO_BASE_URL");
	const char *sub = env_value("SYNCRO_SUBDOMAIN");

	if (sub) {
		if (!valid_subdomain(sub))
			die_with(EXIT_AUTH, "SYNCRO_SUBDOMAIN '%s' is not a subdomain: use "
				 "lowercase letters, digits and '-' (the SUB of SUB.syncromsp.com)", sub);
		free(cfg->subdomain);
		cfg->subdomain = xstrdup(sub);
		cfg->source[SET_SUBDOMAIN] = SOURCE_ENV;
	}
	if (url) {
		if (!valid_url(url))
			die_with(EXIT_AUTH, "SYNCRO_BASE_URL '%s' is not a URL: it must "
				 "start with https:// (or http:// to loopback)", url);
		free(cfg->base_url);
		cfg->base_url = xstrdup(url);
		strip_trailing_slashes(cfg->base_url);
		cfg->base_url_source = SOURCE_ENV;
		cfg->base_url_from = "SYNCRO_BASE_URL";
	} else if (sub) {
		free(cfg->base_url);
		cfg->base_url = xstrfmt("https://%s.syncromsp.com/api/v1", sub);
		cfg->base_url_source = SOURCE_ENV;
		cfg->base_url_from = "SYNCRO_SUBDOMAIN";
	} else if (cfg->base_url) {
		cfg->base_url_source = SOURCE_FILE;
		cfg->base_url_from = "base_url";
	} else if (cfg->subdomain) {
		cfg->base_url = xstrfmt("https://%s.syncromsp.com/api/v1", cfg->subdomain);
		cfg->base_url_source = SOURCE_FILE;
		cfg->base_url_from = "subdomain";
	}
	cfg->source[SET_BASE_URL] = cfg->base_url_source;
}

/* SYNCRO_CONNECTION_KEEP > connection.keep. */
static void resolve_connection_keep(struct syncro_config *cfg)
{
	const char *keep = env_value("SYNCRO_CONNECTION_KEEP");

	if (!keep)
		return;
	if ((cfg->connection_keep = parse_duration(keep)) < 0)
		die_with(EXIT_AUTH, "SYNCRO_CONNECTION_KEEP '%s' is not a duration: use "
			 "whole seconds or a number with s, m, h or d, like 10m (0: none)", keep);
	cfg->source[SET_CONNECTION_KEEP] = SOURCE_ENV;
}

/* ---- profiles ---- */

/*
 * --as NAME on every verb: parse-options.h's program options, installed
 * before main() in every program that links the config. It sets
 * SYNCRO_PROFILE, which choose_profile() reads, for the verb and for what
 * it runs.
 */
static const char *opt_as;
static const struct option_spec as_options[] = {
	OPT_STRING_C(0, "as", &opt_as, "NAME", "use the API key of profile NAME (sets SYNCRO_PROFILE)",
		     COMPLETE_PROFILE),
	OPT_END(),
};

static void as_parsed(void)
{
	if (opt_as)
		setenv("SYNCRO_PROFILE", opt_as, 1);
}

static const struct program_options syncro_options = { as_options, as_parsed };

__attribute__((constructor)) static void install_as_option(void)
{
	parse_options_program = &syncro_options;
}

const struct config_profile *config_find_profile(const struct syncro_config *cfg,
						 const char *name)
{
	for (size_t i = 0; name && i < cfg->profiles_nr; i++)
		if (!strcmp(cfg->profiles[i].name, name))
			return &cfg->profiles[i];
	return NULL;
}

static void replace(char **field, const char *value)
{
	if (*field)
		wipe_string(*field);
	free(*field);
	*field = value ? xstrdup(value) : NULL;
}

/* Put profile's key sources in place of cfg's own. */
static void use_profile_keys(struct syncro_config *cfg, const struct config_profile *prof)
{
	replace(&cfg->api_key_command, prof->api_key_command);
	replace(&cfg->vault_file, prof->vault_file);
	replace(&cfg->vault_field, prof->vault_field);
	replace(&cfg->api_key, prof->api_key);
	cfg->source[SET_API_KEY_COMMAND] = cfg->source[SET_VAULT_FILE] =
		cfg->source[SET_VAULT_FIELD] = cfg->source[SET_API_KEY] = SOURCE_FILE;
}

/* SYNCRO_PROFILE (set by --as), else default_profile; dies on an unknown name. */
static void choose_profile(struct syncro_config *cfg)
{
	const char *name = env_value("SYNCRO_PROFILE");
	const struct config_profile *prof;
	struct sbuf names = SBUF_INIT;

	cfg->source[SET_PROFILE] = name ? SOURCE_ENV : cfg->default_profile ? SOURCE_FILE : SOURCE_DEFAULT;
	if (!name)
		name = cfg->default_profile;
	if (!name)
		return;
	prof = config_find_profile(cfg, name);
	if (!prof) {
		for (size_t i = 0; i < cfg->profiles_nr; i++)
			sbuf_addf(&names, "%s%s", i ? ", " : "", cfg->profiles[i].name);
		die_with(EXIT_AUTH, "no profile '%s' in '%s'; %s%s", name, cfg->path,
			 names.len ? "its profiles are: " : "add it under 'profiles:' (see syncro-config(5))",
			 names.buf);
	}
	cfg->profile = xstrdup(name);
	use_profile_keys(cfg, prof);
}

void config_profile_keys(const struct syncro_config *cfg, const struct config_profile *profile,
			 struct syncro_config *out)
{
	memset(out, 0, sizeof(*out));
	out->path = xstrdup(cfg->path);
	out->file_exists = cfg->file_exists;
	out->file_mode_ok = cfg->file_mode_ok;
	out->profile = xstrdup(profile->name);
	out->source[SET_PROFILE] = SOURCE_ENV;
	use_profile_keys(out, profile);
}

/* ---- entry points ---- */

int config_load(struct syncro_config *cfg, const char *path)
{
	const char *env = env_value("SYNCRO_CONFIG");

	set_defaults(cfg);
	if (path) {
		cfg->path = xstrdup(path);
	} else if (env) {
		cfg->path = expand_home(env);
		cfg->path_source = SOURCE_ENV;
	} else {
		cfg->path = xdg_config_path("config.yaml");
	}
	if (read_file(cfg) < 0)
		return -1;
	resolve_base_url(cfg);
	resolve_connection_keep(cfg);
	choose_profile(cfg);
	return 0;
}

void config_release(struct syncro_config *cfg)
{
	wipe_string(cfg->api_key);
	free(cfg->path);
	free(cfg->base_url);
	free(cfg->subdomain);
	free(cfg->api_key_command);
	free(cfg->vault_file);
	free(cfg->vault_field);
	free(cfg->api_key);
	free(cfg->labor_default);
	for (size_t i = 0; i < cfg->labor_nr; i++) {
		free(cfg->labor[i].alias);
		free(cfg->labor[i].subject_prefix);
	}
	free(cfg->labor);
	free(cfg->billing_status);
	for (size_t i = 0; i < cfg->profiles_nr; i++) {
		struct config_profile *prof = &cfg->profiles[i];

		wipe_string(prof->api_key);
		free(prof->name);
		free(prof->api_key_command);
		free(prof->vault_file);
		free(prof->vault_field);
		free(prof->api_key);
	}
	free(cfg->profiles);
	free(cfg->profile);
	free(cfg->default_profile);
	free(cfg->close_status);
	free(cfg->estimate_prefix);
	free(cfg->session_logs);
	free(cfg->tls_ca_file);
	memset(cfg, 0, sizeof(*cfg));
}

static struct syncro_config the_config;
static int the_config_loaded;

static void release_the_config(void)
{
	config_release(&the_config);
}

const struct syncro_config *config_get(void)
{
	if (!the_config_loaded) {
		if (config_load(&the_config, NULL) < 0)
			exit(EXIT_AUTH);
		the_config_loaded = 1;
		atexit(release_the_config);
	}
	return &the_config;
}

const char *config_labor_alias(long product_id)
{
	const struct syncro_config *cfg = config_get();

	for (size_t i = 0; product_id > 0 && i < cfg->labor_nr; i++)
		if (cfg->labor[i].product_id == product_id)
			return cfg->labor[i].alias;
	return NULL;
}

const struct labor_product *config_labor_entry(const struct syncro_config *cfg,
					       const char *alias_or_id)
{
	long id = parse_number(alias_or_id, 1);

	for (size_t i = 0; i < cfg->labor_nr; i++)
		if (id > 0 ? cfg->labor[i].product_id == id : !strcmp(cfg->labor[i].alias, alias_or_id))
			return &cfg->labor[i];
	return NULL;
}

long config_labor_product(const struct syncro_config *cfg, const char *alias_or_id)
{
	long id = parse_number(alias_or_id, 1);

	if (id > 0)
		return id;
	for (size_t i = 0; i < cfg->labor_nr; i++)
		if (!strcmp(cfg->labor[i].alias, alias_or_id))
			return cfg->labor[i].product_id;
	return -1;
}

char *config_no_account_message(const struct syncro_config *cfg)
{
	char *path = path_for_display(cfg->path);
	char *msg = xstrfmt("no Syncro account configured; run 'syncro config init' (or set "
			    "SYNCRO_SUBDOMAIN, or 'subdomain' in '%s'); to try syncro without "
			    "an account, run 'syncro sandbox'", path);

	free(path);
	return msg;
}
