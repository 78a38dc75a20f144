#ifndef STAIRCASE_TERMINAL_GUARD_H
#define STAIRCASE_TERMINAL_GUARD_H
/* Restores the terminal when the process is stopped by a signal or crashes, and keeps the
   process's memory (a child's record) out of core files and away from other processes.
   Installed before curses starts so that ncurses' own SIGINT/SIGTERM handlers (which exit
   without saving) are never installed; quit-type signals only set a flag the run loop reads. */

/* Core limit 0 and not dumpable (no core file, no ptrace or /proc/PID/mem by the same user).
   Call first thing in main, before any data is read. Returns 0 when both took effect. */
int tg_harden(void);
/* The soft and hard core-size limits now in force (for tests and the torture harness). */
long long tg_core_limit(void);
/* 1 when the process is dumpable (prctl PR_GET_DUMPABLE), 0 when not, -1 when unknown. */
int tg_dumpable(void);
/* SIGPIPE ignored: a closed pipe makes write(2) fail with EPIPE instead of killing the
   process halfway through its output. Every command calls it. */
void tg_ignore_sigpipe(void);
/* Saves the terminal modes of fd (a tty) for restoring later. Returns 0 on success. */
int tg_save_terminal(int fd);
/* Installs the handlers. Every signal whose default action ends the process without a core
   (HUP INT QUIT TERM USR1 USR2 ALRM VTALRM PROF PWR STKFLT XCPU XFSZ) sets a flag so the run
   loop saves, restores the terminal and exits; Ctrl-\ (QUIT) is treated exactly like Ctrl-C.
   The crash signals (SEGV BUS ILL TRAP ABRT FPE SYS) restore the terminal with
   async-signal-safe calls and re-raise. SIGPIPE is ignored. SIGTSTP/SIGCONT stay with ncurses,
   which leaves curses mode on Ctrl-Z and redraws on fg. */
void tg_install(void);
/* The quit-type signal received since the last call (0 if none), and clears it. */
int tg_take_signal(void);
/* Restores the saved modes and writes the reset sequence; safe to call more than once. */
void tg_restore(void);
/* Guards a passphrase prompt on fd (a tty) before its echo goes off: every signal that would
   end the process (the quit and crash signals above) puts fd's present modes back and then
   ends the process as that signal would. Returns 0 on success. */
int tg_guard_prompt(int fd);
/* Ends the prompt's guard: the handlers in force before tg_guard_prompt come back. */
void tg_unguard_prompt(void);
#endif
