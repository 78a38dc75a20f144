#ifndef STAIRCASE_TERMINAL_GUARD_H
#define STAIRCASE_TERMINAL_GUARD_H
/* Restores the terminal when the process is stopped by a signal or crashes.
   Installed before curses starts so that ncurses' own SIGINT/SIGTERM handlers (which exit
   without saving) are never installed; quit-type signals only set a flag the run loop reads. */

/* Saves the terminal modes of fd (a tty) for restoring later. Returns 0 on success. */
int tg_save_terminal(int fd);
/* Installs the handlers: SIGINT, SIGTERM, SIGHUP set a flag; SIGSEGV, SIGBUS, SIGILL, SIGTRAP,
   SIGABRT and SIGFPE restore the terminal with async-signal-safe calls and re-raise. */
void tg_install(void);
/* The quit-type signal received since the last call (0 if none), and clears it. */
int tg_take_signal(void);
/* Restores the saved modes and writes the reset sequence; safe to call more than once. */
void tg_restore(void);
#endif
