/*
 * Customers and contacts as the user names them: `create --customer
 * --contact`, `update --contact`, `list --customer`.
 */
#ifndef SYNCRO_CUSTOMER_LOOKUP_H
#define SYNCRO_CUSTOMER_LOOKUP_H

/*
 * --customer NAME|ID. Digits are a customer id, used as it is with no
 * request (*name is then NULL). A name is searched with one
 * GET /customers?query=NAME: a single match is used; of several, the one
 * whose name (business_then_name) is NAME ignoring case is used, else the
 * user picks one on a terminal, else it is exit 2 listing them with their
 * ids. No match is exit 4. option ("--customer") is named in messages.
 *
 * Returns the id; *name (when name is not NULL) gets the customer's
 * business_then_name, owned by the caller.
 */
long customer_lookup_resolve(const char *arg, const char *option, char **name);

/*
 * The customers disabled in Syncro (kept for their history) are asked for
 * too (include_disabled=true). customer_lookup_resolve() is for a write
 * (create, estimate create): it leaves them out, and a name that only
 * matches disabled ones is exit 5 saying so. customer_lookup_history() is
 * for reading (list --customer, search --customer, invoice list, schedule):
 * a disabled customer matches like any other.
 */
long customer_lookup_history(const char *arg, const char *option, char **name);

/*
 * --contact NAME|ID of a customer. Digits are a contact id, used as it is
 * with no request (*name NULL). A name is matched against the customer's
 * contacts (one GET /contacts?customer_id=ID): the whole name or a unique
 * part, case-insensitive; several: the user picks on a terminal, else exit
 * 2 listing them. None: exit 4 naming the customer's contacts.
 *
 * Returns the id; *name (when name is not NULL) gets the contact's name,
 * owned by the caller.
 */
long customer_lookup_contact(long customer_id, const char *arg, const char *option, char **name);

#endif
