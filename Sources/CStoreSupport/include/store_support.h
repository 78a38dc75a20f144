#ifndef STAIRCASE_STORE_SUPPORT_H
#define STAIRCASE_STORE_SUPPORT_H
/* renameat2(RENAME_NOREPLACE) for the store: glibc declares it only under _GNU_SOURCE, which
   Swift's Glibc module does not set. Returns 0, or -1 with errno (ENOSYS/EINVAL where the kernel
   or file system has no such rename). */
int ss_rename_noreplace(const char *from, const char *to);
/* An unnamed 0600 file in folder (open O_TMPFILE): a kill before it is linked leaves no name
   and no bytes anywhere. Returns the descriptor, or -1 with errno (EOPNOTSUPP/EISDIR/EINVAL where
   the file system or kernel cannot). */
int ss_open_unnamed(const char *folder);
/* Gives the unnamed file fd the name path, never replacing anything (EEXIST). 0, or -1 with errno. */
int ss_link_unnamed(int fd, const char *path);
#endif
