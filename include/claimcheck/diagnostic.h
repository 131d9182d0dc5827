// Diagnostic: a warning or error about an input, naming the file and place.
#ifndef CLAIMCHECK_DIAGNOSTIC_H_
#define CLAIMCHECK_DIAGNOSTIC_H_

#include <string>
#include <vector>

namespace claimcheck {

struct Diagnostic {
  std::string file;     // the input's name as the user gave it ("-" is stdin)
  std::string where;    // "byte 1234", "line 5, column 3", "concept 'gaba'"
  std::string message;  // what is wrong, in plain words

  // "file: where: message" (parts that are empty are left out).
  std::string ToString() const;
};

using Diagnostics = std::vector<Diagnostic>;

}  // namespace claimcheck

#endif  // CLAIMCHECK_DIAGNOSTIC_H_
