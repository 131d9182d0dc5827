// The state behind a Store, shared by the files of src/store that implement
// its calls. Covered by tests/store/store_test.cc.
#ifndef CLAIMCHECK_SRC_STORE_STORE_IMPL_H_
#define CLAIMCHECK_SRC_STORE_STORE_IMPL_H_

#include <string>
#include <vector>

#include "claimcheck/status.h"
#include "claimcheck/store.h"
#include "store/sqlite_util.h"

namespace claimcheck {

struct Store::Impl {
  store_internal::Database db;
  OpenMode mode = OpenMode::kReadWrite;
  int version = 0;
};

namespace store_internal {

// `status` with `context` appended to its message, its code kept.
Status WithContext(const Status& status, const std::string& context);

// `ids` sorted, without duplicates and without the empty id: the keys a
// batch of lookups reads, each once, in index order.
std::vector<std::string> SortedUnique(std::vector<std::string> ids);

}  // namespace store_internal

}  // namespace claimcheck

#endif  // CLAIMCHECK_SRC_STORE_STORE_IMPL_H_
