// Reading inputs: files and standard input, with errors that name the file.
#ifndef CLAIMCHECK_IO_H_
#define CLAIMCHECK_IO_H_

#include <cstddef>
#include <string>

#include "claimcheck/status.h"

namespace claimcheck {

// Reads the whole of `path` ("-" is standard input). Fails with NotFound or
// IOError naming the path; InvalidArgument when it is a directory or larger
// than `max_bytes` (default 256 MiB, far beyond any article).
Result<std::string> ReadFile(const std::string& path,
                             std::size_t max_bytes = std::size_t{256} << 20);

}  // namespace claimcheck

#endif  // CLAIMCHECK_IO_H_
