#ifndef STAIRCASE_STORE_SUPPORT_H
#define STAIRCASE_STORE_SUPPORT_H
/* renameat2(RENAME_NOREPLACE) for the store: glibc declares it only under _GNU_SOURCE, which
   Swift's Glibc module does not set. Returns 0, or -1 with errno (ENOSYS/EINVAL where the kernel
   or file system has no such rename). */
int ss_rename_noreplace(const char *from, const char *to);
#endif
