/*
 * Where the cache of the configured account lives. Each base URL has its
 * own directory under $XDG_CACHE_HOME/syncro, so the sandbox's demo
 * tickets never mix with an account's, nor one tenant's with another's:
 *
 *   https://acme.syncromsp.com/api/v1  ->  acme-syncromsp-com-HASH
 *   http://127.0.0.1:8180/api/v1       ->  127-0-0-1-8180-HASH
 *
 * The host (as a slug, slug.h) and the port are there for a person
 * reading the directory; HASH, eight hex digits of the 32-bit FNV-1a hash
 * of the whole base URL as config.h gives it, tells apart what they do not
 * (scheme, path, user).
 */
#ifndef SYNCRO_CACHE_DIR_H
#define SYNCRO_CACHE_DIR_H

/* The directory's name for base_url; the caller frees it. */
char *cache_dir_name(const char *base_url);

/*
 * $XDG_CACHE_HOME/syncro/NAME/file for the base URL of config_get() (file
 * NULL or empty: the directory itself), or NULL when no base URL is
 * configured: there is no account to cache for. The caller frees it.
 */
char *cache_path(const char *file);

#endif
