/*
 * Turn core dumps off for the rest of the process, once it holds a secret
 * (the API key) that a dump would write to disk: on Linux the process is
 * made non-dumpable (PR_SET_DUMPABLE 0, which also keeps other processes
 * of the user from reading its memory through ptrace or /proc), and
 * everywhere the core size limit is set to 0. 0, or -1 with errno when
 * neither could be done; what the system does not have is skipped.
 */
#ifndef SYNCRO_CORE_DUMPS_H
#define SYNCRO_CORE_DUMPS_H

int core_dumps_off(void);

#endif
