/*
 * The effective settings: defaults, then config.yaml, then the environment.
 * Every setting remembers where it came from, for `syncro config`.
 *
 * config_get() loads once per process and returns a config owned by this
 * module (never freed before exit). A malformed file is fatal (exit 3) with
 * "file:line:col: what was expected"; an unknown key is a warning.
 */
#ifndef SYNCRO_CONFIG_H
#define SYNCRO_CONFIG_H

#include <stddef.h>

#include "paths.h"

enum setting_source { SOURCE_DEFAULT, SOURCE_FILE, SOURCE_ENV };
enum auth_mode { AUTH_HEADER, AUTH_QUERY };
enum billing_method { BILLING_TIMER, BILLING_LINE_ITEM, BILLING_COMMENT };

/*
 * One alias of the labor table (labor.products) and its price policy:
 *   remote: 1190473            the product at its own price
 *   emergency:
 *     product: 26184
 *     multiplier: 1.5          the price x 1.5 (after hours)
 *     rate: 150                a price that overrides the product's
 *     taxable: true            labor is sent taxable:false unless this says so
 *     subject_prefix: "Emergency - "   the ticket's subject gets it when billed
 */
/* profiles.NAME: one tech's key sources (each NULL when not set). */
struct config_profile {
	char *name;		/* "howard" */
	char *api_key_command;
	char *vault_file;	/* ~ expanded */
	char *vault_field;	/* default credentials.credential */
	char *api_key;
};

struct labor_product {
	char *alias;		/* "remote" */
	long product_id;	/* 1190473 */
	enum setting_source source;	/* built in, or from the file */
	double rate;		/* < 0: the product's price_retail */
	double multiplier;	/* 1 unless set */
	int taxable;		/* 0 unless set */
	char *subject_prefix;	/* NULL unless set */
};

/* Each setting, for remembering its source (struct syncro_config.source). */
enum setting_id {
	SET_SUBDOMAIN, SET_BASE_URL, SET_API_KEY_COMMAND, SET_VAULT_FILE,
	SET_VAULT_FIELD, SET_API_KEY, SET_AUTH, SET_TIMEOUT, SET_CONNECT_TIMEOUT,
	SET_RATE_PER_MINUTE, SET_RATE_WAIT, SET_LABOR_DEFAULT,
	SET_LABOR_DEFAULT_MINUTES, SET_BILLING, SET_EMAIL_COMMENTS,
	SET_CLOSE_STATUS, SET_SESSION_LOGS, SET_PROFILE, SET_CONFIRM,
	SET_BILLING_STATUS, SET_LABOR_MAX_MINUTES,
	SET_ESTIMATE_PREFIX,
	SET_RATE_MAX_WAIT,
	SET_TLS_CA_FILE,
	SET_CONNECTION_KEEP,
	SETTING__NR
};

struct syncro_config {
	char *path;			/* the config file consulted (may not exist) */
	int file_exists;
	enum setting_source path_source;	/* env SYNCRO_CONFIG or default */
	enum setting_source source[SETTING__NR];	/* where each setting came from */

	/* Base URL: SYNCRO_BASE_URL, SYNCRO_SUBDOMAIN, base_url, subdomain. */
	char *base_url;			/* effective, no trailing slash; NULL if unset */
	enum setting_source base_url_source;
	/* "SYNCRO_BASE_URL", "SYNCRO_SUBDOMAIN", "base_url", "subdomain" or NULL */
	const char *base_url_from;
	char *subdomain;		/* as configured (file or env), or NULL */

	/* Key sources, in cred.c's order after SYNCRO_API_KEY. */
	char *api_key_command;		/* run without a shell */
	char *vault_file;		/* SOPS-encrypted YAML, ~ expanded */
	char *vault_field;		/* dotted path, default credentials.credential */
	char *api_key;			/* in the file itself; needs mode 0600 */
	int file_mode_ok;		/* the file is not readable by group or others */

	enum auth_mode auth;		/* auth: header (default) | query */
	long timeout;			/* seconds for a whole request, default 30 */
	long connect_timeout;		/* seconds, default 10 */
	long rate_limit_per_minute;	/* rate_limit.per_minute, default 180 */
	long rate_limit_wait;		/* rate_limit.wait: seconds after a bare 429, default 60 */
	long rate_limit_max_wait;	/* rate_limit.max_wait: a command's waits in all, default 600 */
	char *tls_ca_file;		/* tls.ca_file: the CAs to trust, ~ expanded; NULL: see http.h */
	/* connection.keep (SYNCRO_CONNECTION_KEEP wins): seconds a warm connection
	 * outlives its last command, default 600; 0: none (connection-keep.h) */
	long connection_keep;

	char *labor_default;		/* labor.default, default "remote" */
	long labor_default_minutes;	/* labor.default_minutes, default 60 */
	struct labor_product *labor;	/* labor.products, defaults merged in */
	size_t labor_nr;
	long labor_max_minutes;		/* labor.max_minutes: more asks first, default 480 */
	enum billing_method billing;	/* billing.method, default line-item */
	char *billing_status;		/* billing.status: bill ends with it, default Invoiced */
	int email_comments;		/* comments.email: email the customer by default (false) */

	/*
	 * One key per tech: profiles.NAME in the file. The chosen one
	 * (SYNCRO_PROFILE, which --as sets, else default_profile) has put its
	 * key sources in api_key_command, vault_file, vault_field and api_key
	 * above; chosen through the environment, it wins over SYNCRO_API_KEY.
	 */
	struct config_profile *profiles;
	size_t profiles_nr, profiles_alloc;
	char *profile;			/* the chosen profile's name, or NULL */
	char *default_profile;		/* default_profile in the file, or NULL */

	char *estimate_prefix;		/* estimate.subject_prefix, default "Estimate - " */
	int confirm_writes;		/* confirm: writes (1) | none (0, the default) */

	char *close_status;		/* default "Resolved" */
	char *session_logs;		/* default $XDG_DATA_HOME/syncro, ~ expanded */
};

const struct syncro_config *config_get(void);

/*
 * Load into cfg (defaults, the file at path, then the environment) from
 * path (NULL: $SYNCRO_CONFIG or the XDG default). A missing file is all
 * defaults. A malformed file dies with exit 3; a file that exists but
 * cannot be read is an error() and -1. cfg owns every string in it.
 */
int config_load(struct syncro_config *cfg, const char *path);
/* Free what cfg owns (the api_key is wiped first). */
void config_release(struct syncro_config *cfg);

/* The profile called name, or NULL. */
const struct config_profile *config_find_profile(const struct syncro_config *cfg,
						 const char *name);
/*
 * A copy of cfg's key settings with profile's key sources in their place,
 * for asking whose key a profile holds (cred_api_key() on it); the result
 * is the caller's (config_release() it). Only the key fields, path and
 * file_mode_ok are set, and profile is chosen as if by SYNCRO_PROFILE.
 */
void config_profile_keys(const struct syncro_config *cfg, const struct config_profile *profile,
			 struct syncro_config *out);

/* The product id of a labor alias or a numeric id; -1 if unknown. */
long config_labor_product(const struct syncro_config *cfg, const char *alias_or_id);
/* The labor table's entry of an alias or a product id (its first alias), or NULL. */
const struct labor_product *config_labor_entry(const struct syncro_config *cfg,
					       const char *alias_or_id);
/* The config's first labor alias of product_id ("remote"), owned by the config; NULL if none. */
const char *config_labor_alias(long product_id);

/*
 * The keys of config.yaml, dotted as 'syncro config set' takes them
 * ("labor.default_minutes"); the labor aliases as "labor.products.NAME".
 * Appended to out.
 */
struct strvec;
void config_key_names(struct strvec *out);
/* Whether key is one of them (labor.products.ALIAS for any alias). */
int config_key_known(const char *key);
/* The key closest to key, for "did you mean"; NULL if none is. The caller frees it. */
char *config_key_closest(const char *key);

/*
 * What to say when no account is configured: how to set one up
 * ('syncro config init'), and the sandbox to try syncro without one. The
 * caller frees it.
 */
char *config_no_account_message(const struct syncro_config *cfg);

const char *config_source_name(enum setting_source src);
const char *config_billing_method_name(enum billing_method m);
const char *config_auth_mode_name(enum auth_mode m);

#endif
