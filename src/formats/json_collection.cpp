#include "formats/json_collection.h"

#include <vector>

#include "formats/utf8_input.h"

namespace pebble::formats {

namespace {

using Json = nlohmann::json;

// Deepest nesting inside one item or root member.
constexpr std::size_t kMaxJsonDepth = 512;

class CollectionSax : public nlohmann::json_sax<Json> {
 public:
  CollectionSax(const ReaderOptions& options, const std::string& items_key, const std::string& format,
                JsonCollectionHandler& handler, BookmarkSink& sink, Utf8InputBuffer& buffer)
      : options_(options),
        items_key_(items_key),
        format_(format),
        handler_(handler),
        sink_(sink),
        buffer_(buffer) {}

  bool null() override { return value(Json(nullptr), false); }
  bool boolean(bool flag) override { return value(Json(flag), false); }
  bool number_integer(number_integer_t number) override { return value(Json(number), false); }
  bool number_unsigned(number_unsigned_t number) override { return value(Json(number), false); }
  bool number_float(number_float_t number, const string_t&) override { return value(Json(number), false); }
  bool string(string_t& text) override { return value(Json(std::move(text)), false); }
  bool binary(binary_t&) override { return value(Json(nullptr), false); }
  bool start_object(std::size_t) override { return value(Json::object(), true); }
  bool start_array(std::size_t) override { return value(Json::array(), true); }
  bool key(string_t& name) override {
    if (depth_ == 1) root_key_ = name;
    if (capturing_) key_ = name;
    return true;
  }
  bool end_object() override { return end_container(); }
  bool end_array() override { return end_container(); }

  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& error) override {
    std::string reason = error.what();
    const std::size_t column = reason.find("column ");
    const std::size_t colon = column == std::string::npos ? std::string::npos : reason.find(": ", column);
    if (colon != std::string::npos) reason = reason.substr(colon + 2);
    const bool truncated = buffer_.sgetc() == std::char_traits<char>::eof();  // nothing after the error
    fail((truncated ? "truncated " : "invalid ") + format_ + " JSON: " + reason);
    return false;
  }

 private:
  [[noreturn]] void fail(const std::string& message) {
    throw FormatError(describe_position(buffer_.position()) + ": " + message);
  }

  // A value starts (scalar, or a container when `opens`).
  bool value(Json&& json, bool opens) {
    if (capturing_) {
      capture(std::move(json), opens);
    } else if (depth_ == 0) {
      const bool want_object = !items_key_.empty();
      if (!opens || json.is_object() != want_object) {
        fail("not " + format_ + " JSON: the root must be " + (want_object ? "an object" : "an array"));
      }
      if (!want_object) open_items();
    } else if (depth_ == 1 && !items_open_ && root_key_ == items_key_) {
      if (!json.is_array()) fail("'" + items_key_ + "' must be an array");
      open_items();
    } else {
      capture_start_ = buffer_.byte_offset();
      is_item_ = items_open_ && depth_ == items_depth_;
      capture_depth_ = depth_;
      capturing_ = true;
      capture(std::move(json), opens);
    }
    if (opens) ++depth_;
    if (capturing_ && depth_ == capture_depth_) complete_capture();
    return true;
  }

  void open_items() {
    items_open_ = true;
    saw_items_ = true;
    items_depth_ = depth_ + 1;
  }

  bool end_container() {
    --depth_;
    if (capturing_) {
      if (!oversized_) stack_.pop_back();
      if (depth_ == capture_depth_) complete_capture();
    } else if (items_open_ && depth_ + 1 == items_depth_) {
      items_open_ = false;
    }
    if (depth_ == 0) {
      const std::string error = handler_.on_root_end(saw_items_);
      if (!error.empty()) fail(error);
    }
    return true;
  }

  void capture(Json&& json, bool opens) {
    if (oversized_) return;
    // Copying or destroying a value nested thousands deep recurses once per level and overflows
    // the stack, so deeper items are rejected here, before a value is built.
    if (depth_ - capture_depth_ >= kMaxJsonDepth)
      rejection_ = "nested deeper than " + std::to_string(kMaxJsonDepth) + " levels";
    if (rejection_.empty() && buffer_.byte_offset() - capture_start_ > options_.max_item_bytes) {
      rejection_ = "larger than the size limit";
    }
    if (!rejection_.empty()) {
      oversized_ = true;
      stack_.clear();
      captured_ = Json();
      return;
    }
    Json* added = nullptr;
    if (stack_.empty()) {
      captured_ = std::move(json);
      added = &captured_;
    } else if (stack_.back()->is_array()) {
      stack_.back()->push_back(std::move(json));
      added = &stack_.back()->back();
    } else {
      added = &(*stack_.back())[key_];
      *added = std::move(json);
    }
    if (opens) stack_.push_back(added);
  }

  void complete_capture() {
    capturing_ = false;
    stack_.clear();
    Json done = std::move(captured_);
    captured_ = Json();
    const bool oversized = oversized_;
    oversized_ = false;
    if (is_item_) {
      const std::size_t index = next_index_++;
      if (oversized) {
        handler_.on_rejected_item(index, "item " + rejection_);
      } else {
        handler_.on_item(index, std::move(done));
      }
      sink_.on_progress(buffer_.byte_offset());
    } else if (oversized) {
      fail("root member " + rejection_);
    } else {
      const std::string error = handler_.on_root_member(root_key_, std::move(done));
      if (!error.empty()) fail(error);
    }
    rejection_.clear();
  }

  const ReaderOptions& options_;
  const std::string& items_key_;
  const std::string& format_;
  JsonCollectionHandler& handler_;
  BookmarkSink& sink_;
  Utf8InputBuffer& buffer_;
  std::size_t depth_ = 0;  // open containers
  std::string root_key_;   // the last key of the root object
  bool items_open_ = false;
  bool saw_items_ = false;
  std::size_t items_depth_ = 0;  // depth inside the items array
  std::size_t next_index_ = 0;
  bool capturing_ = false;
  bool is_item_ = false;
  bool oversized_ = false;  // the captured value is being skipped, for rejection_
  std::string rejection_;   // why, without its subject ("item" or "root member")
  std::size_t capture_depth_ = 0;
  std::uint64_t capture_start_ = 0;
  Json captured_;
  std::vector<Json*> stack_;  // open containers of the captured value
  std::string key_;           // the last key inside the captured value
};

}  // namespace

void parse_json_collection(std::istream& in, const ReaderOptions& options, const std::string& items_key,
                           const std::string& format, JsonCollectionHandler& handler, BookmarkSink& sink) {
  Utf8InputBuffer buffer(in, options.chunk_bytes);
  buffer.limit_json_tokens(options.max_token_bytes);
  std::istream repaired(&buffer);
  if (buffer.sgetc() == std::char_traits<char>::eof()) {  // not peek(): istream would swallow errors
    throw FormatError("line 1, byte 0: empty input: expected " + format + " JSON");
  }
  CollectionSax sax(options, items_key, format, handler, sink, buffer);
  Json::sax_parse(repaired, &sax);
  sink.on_progress(buffer.position().byte);
}

std::string json_string(const nlohmann::json& value) {
  return value.is_string() ? value.get<std::string>() : std::string();
}

}  // namespace pebble::formats
