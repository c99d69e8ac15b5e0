/* Links into the Syncro web app, for people (never carrying the key). */
#ifndef SYNCRO_WEB_URL_H
#define SYNCRO_WEB_URL_H

/*
 * The web page of a record under base (the API's base URL): for
 * https://SUB.syncromsp.com/api/v1 it is https://SUB.syncromsp.com/KIND/ID;
 * for any other base (the sandbox, a proxy), base without a final /api/v1,
 * then /KIND/ID. kind is "tickets", "customers", "invoices". The caller
 * frees it; NULL when base is NULL or not a URL.
 */
char *web_url(const char *base, const char *kind, long id);

/* web_url() under the configured base URL. */
char *web_url_ticket(long id);

#endif
