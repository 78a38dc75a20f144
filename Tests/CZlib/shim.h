// zlib, only to inflate the compressed C2SP age test vectors in StaircaseAgeTests.
#include <zlib.h>
