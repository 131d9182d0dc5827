// Opening a curated evidence file and naming its items (see evidence_file.h).
#include "kb/evidence_file.h"

#include <filesystem>

#include "base/json_util.h"
#include "claimcheck/io.h"

namespace claimcheck {

EvidenceFile::EvidenceFile(std::string path, Diagnostics* problems)
    : path_(std::move(path)), problems_(problems) {}

Status EvidenceFile::Open(const char* top_key) {
  std::error_code ec;
  if (!std::filesystem::exists(path_, ec)) {
    return Status::NotFound(path_ + ": no such file");
  }
  Result<std::string> text = ReadFile(path_);
  if (!text.ok()) {
    problems_->push_back({path_, "", text.status().message()});
    return text.status();
  }
  if (!ParseJson(text.value(), path_, &doc_, problems_)) {
    return Status::Corruption(path_ + ": invalid JSON");
  }
  id_lines_ = KeyValueLines(text.value(), "id");
  top_key_ = top_key;
  if (!doc_.IsObject() || !doc_.HasMember(top_key) ||
      !doc_[top_key].IsArray()) {
    problems_->push_back(
        {path_, "line 1",
         std::string("expected an object with a \"") + top_key + "\" array"});
    return Status::Corruption(path_ + ": not a " + top_key + " file");
  }
  return Status::OK();
}

void EvidenceFile::At(const char* what, std::size_t index,
                      const rapidjson::Value& item) {
  where_ = std::string(what) + "[" + std::to_string(index) + "]";
  id_.clear();
  line_ = 0;
  if (item.IsObject() && item.HasMember("id") && item["id"].IsString()) {
    id_ = item["id"].GetString();
    line_ = LineOf(id_lines_, id_);
    where_ = (line_ ? "line " + std::to_string(line_) + ", " : "") + what +
             " '" + id_ + "'";
  }
}

void EvidenceFile::Problem(const std::string& message) {
  problems_->push_back({path_, where_, message});
}

const char* EvidenceFile::Word(
    const rapidjson::Value& item, const char* name,
    const std::function<bool(std::string_view)>& valid) {
  auto it = item.FindMember(name);
  if (it == item.MemberEnd() || it->value.IsNull()) {
    Problem(std::string("\"") + name + "\" is missing");
    return nullptr;
  }
  const rapidjson::Value& v = it->value;
  if (!v.IsString() ||
      !valid(std::string_view(v.GetString(), v.GetStringLength()))) {
    Problem(std::string("\"") + name + "\" has an unknown value" +
            (v.IsString() ? std::string(" \"") + v.GetString() + "\""
                          : std::string()));
    return nullptr;
  }
  return v.GetString();
}

}  // namespace claimcheck
