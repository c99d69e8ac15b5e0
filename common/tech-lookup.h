/*
 * Techs as the user names them, for `create --assign`, `update --assign`
 * and `list --tech`.
 */
#ifndef SYNCRO_TECH_LOOKUP_H
#define SYNCRO_TECH_LOOKUP_H

/*
 * TECH is "me" (the key's own user: GET /me), a user id (used as it is),
 * or a name from the ticket settings' "users" (ticket-settings.h): the
 * whole name or a unique part of it, case-insensitive; when several fit,
 * the user picks on a terminal, else it is exit 2 listing them. An unknown
 * name is exit 2 listing the techs. option ("--assign") is named in the
 * messages.
 *
 * Returns the user id. *name, when name is not NULL, gets the tech's name,
 * owned by the caller (NULL for an id the settings do not list).
 */
long tech_resolve(const char *arg, const char *option, char **name);

#endif
