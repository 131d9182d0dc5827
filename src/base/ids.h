// The grammar of curated ids (concepts, claims, studies, reference values):
// lower-case ASCII letter first, then lower-case letters, digits and '_'.
#ifndef CLAIMCHECK_SRC_BASE_IDS_H_
#define CLAIMCHECK_SRC_BASE_IDS_H_

#include <string_view>

namespace claimcheck {

inline bool IsValidId(std::string_view id) {
  if (id.empty() || id[0] < 'a' || id[0] > 'z') return false;
  for (char c : id) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) {
      return false;
    }
  }
  return true;
}

}  // namespace claimcheck

#endif  // CLAIMCHECK_SRC_BASE_IDS_H_
