/*
 * The API key, from the first source that has one:
 *   1. $SYNCRO_API_KEY (not when a profile was chosen with --as or
 *      $SYNCRO_PROFILE: then the profile's sources below, see config.h)
 *   2. api_key_command (run without a shell; the first line of stdout, trimmed)
 *   3. the SOPS vault: `sops -d FILE`, then the YAML path vault.field (its
 *      first line, trimmed)
 *   4. api_key in the config file, only if the file is mode 0600
 * The key is never printed, logged or put in an error message.
 */
#ifndef SYNCRO_CRED_H
#define SYNCRO_CRED_H

#include "config.h"
#include "sbuf.h"

enum key_source { KEY_NONE, KEY_ENV, KEY_COMMAND, KEY_VAULT, KEY_FILE };

/*
 * What someone other than the user (or root) could change, as OpenSSH
 * refuses: the config file (it says where the key goes and what runs) or,
 * when the key comes from them, the program of api_key_command or the
 * vault; for each, the file itself and its directory, which must belong
 * to the user or root and not be writable by group or others (a 0777 or
 * sticky /tmp directory is refused too). The message, which says how to
 * fix it, or NULL; the caller frees it.
 */
char *cred_unsafe_file(const struct syncro_config *cfg);

/*
 * The key, owned by the caller (free it after wiping). A file that
 * cred_unsafe_file() refuses is fatal (exit 3) before anything runs. With no key at all,
 * dies with exit 3 and a message that shows the ways to set one; a source
 * that fails (command exits non-zero, no sops, missing field, unsafe file
 * mode) is fatal with exit 3 and says how to fix it, and so is a key from
 * any source that holds white space, control characters or non-ASCII bytes
 * (the message names the source). *source may be NULL.
 */
char *cred_api_key(const struct syncro_config *cfg, enum key_source *source);

/*
 * What is wrong with the key's source that can be seen without running
 * anything: today, an api_key in a config file others can read ("... run
 * 'chmod 600 FILE'"). NULL when nothing is; the caller frees it.
 */
char *cred_problem(const struct syncro_config *cfg);

/*
 * The message when there is no key: the ways to set one, each on its own
 * line (config_path is where the file would be). The caller frees it.
 */
char *cred_no_key_message(const char *config_path);

/*
 * Describe where the key would come from without running anything that
 * decrypts it: "env SYNCRO_API_KEY", "api_key_command 'pass show syncro'",
 * "vault ~/vault/syncro.sops.yaml (credentials.credential)", "config file
 * ~/.config/syncro/config.yaml", or "none". Appends to out; returns the source.
 */
enum key_source cred_describe(const struct syncro_config *cfg, struct sbuf *out);

#endif
